/** Small builders for the stanzas the server sends. */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { SERVER_JID } from './jids.ts';

export const unixTime = (): string => Math.floor(Date.now() / 1000).toString();

export const iqResult = (request: BinaryNode, content?: BinaryNode[]): BinaryNode => ({
  tag: 'iq',
  attrs: { from: request.attrs['to'] ?? SERVER_JID, type: 'result', id: request.attrs['id'] ?? '' },
  ...(content ? { content } : {}),
});

export const iqError = (request: BinaryNode, code: number, text: string): BinaryNode => ({
  tag: 'iq',
  attrs: { from: request.attrs['to'] ?? SERVER_JID, type: 'error', id: request.attrs['id'] ?? '' },
  content: [{ tag: 'error', attrs: { code: code.toString(), text } }],
});

export const childrenOf = (node: BinaryNode | undefined): BinaryNode[] => (Array.isArray(node?.content) ? node.content : []);

export const childOf = (node: BinaryNode | undefined, tag: string): BinaryNode | undefined =>
  childrenOf(node).find((child) => child.tag === tag);

export const bytesOf = (node: BinaryNode | undefined): Uint8Array | undefined =>
  node?.content instanceof Uint8Array ? node.content : undefined;

export const textOf = (node: BinaryNode | undefined): string | undefined => {
  if (typeof node?.content === 'string') return node.content;
  return node?.content instanceof Uint8Array ? Buffer.from(node.content).toString('utf8') : undefined;
};
