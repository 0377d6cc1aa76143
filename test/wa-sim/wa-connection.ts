/**
 * One client websocket: runs the Noise handshake, then exchanges binary nodes. Incoming nodes are
 * handled one at a time, in order, like WhatsApp's server does per stream.
 */
import { randomBytes } from 'node:crypto';
import { decodeBinaryNode, encodeBinaryNode, type BinaryNode, type KeyPair } from '@whiskeysockets/baileys';
import type { WebSocket } from 'ws';
import { simLogger } from './logger.ts';
import { createNoiseResponder, type ClientFinish } from './noise-responder.ts';

export type WaConnection = {
  readonly id: string;
  /** True while the connection is open and answering, and not ending. */
  isOpen(): boolean;
  send(node: BinaryNode): void;
  /** Sends a server-initiated iq and waits for the client's answer. */
  query(node: BinaryNode, timeoutMs?: number): Promise<BinaryNode>;
  /** Sends a last node (`failure`, `stream:error`), then closes the socket. */
  end(node: BinaryNode): void;
  /** Ends the stream the way WhatsApp does: a `stream:error`, then the socket closes. */
  streamError(attrs: Record<string, string>, reason?: BinaryNode): void;
  /** Stops answering anything (the client's keepalive then gives up with 408). */
  freeze(): void;
  /** Drops the socket without a goodbye. */
  drop(): void;
  onClose(listener: () => void): void;
};

export type ConnectionHandlers = {
  onAuthenticated(connection: WaConnection, client: ClientFinish): Promise<void> | void;
  onNode(connection: WaConnection, node: BinaryNode): Promise<void> | void;
};

const STREAM_END_GRACE_MS = 50;
const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

export const acceptConnection = (
  socket: WebSocket,
  serverStatic: KeyPair,
  certChain: Uint8Array,
  handlers: ConnectionHandlers,
): WaConnection => {
  const noise = createNoiseResponder(serverStatic, certChain);
  const pendingQueries = new Map<string, { resolve(node: BinaryNode): void; reject(error: Error): void }>();
  const closeListeners: (() => void)[] = [];
  let stage: 'hello' | 'finish' | 'transport' = 'hello';
  let frozen = false;
  // Set once the goodbye is sent: what arrives for the account then waits for its next login.
  let ending = false;
  let queue: Promise<void> = Promise.resolve();

  const connection: WaConnection = {
    id: randomBytes(6).toString('hex'),
    isOpen: () => socket.readyState === socket.OPEN && !frozen && !ending,
    send(node) {
      if (socket.readyState !== socket.OPEN) return;
      socket.send(noise.encryptFrame(encodeBinaryNode(node)));
    },
    query(node, timeoutMs = DEFAULT_QUERY_TIMEOUT_MS) {
      const id = node.attrs['id'] ?? randomBytes(8).toString('hex');
      return new Promise((resolve, reject) => {
        const settle = (outcome: () => void) => {
          clearTimeout(timer);
          pendingQueries.delete(id);
          outcome();
        };
        const timer = setTimeout(() => settle(() => reject(new Error(`no answer to ${node.tag} ${id}`))), timeoutMs);
        pendingQueries.set(id, {
          resolve: (answer) => settle(() => resolve(answer)),
          reject: (error) => settle(() => reject(error)),
        });
        connection.send({ ...node, attrs: { ...node.attrs, id } });
      });
    },
    end(node) {
      ending = true;
      connection.send(node);
      setTimeout(() => socket.close(), STREAM_END_GRACE_MS).unref();
    },
    streamError(attrs, reason) {
      connection.end({ tag: 'stream:error', attrs, ...(reason ? { content: [reason] } : {}) });
    },
    freeze() {
      frozen = true;
    },
    drop() {
      socket.terminate();
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
  };

  const handleFrame = async (frame: Uint8Array) => {
    if (stage === 'hello') {
      socket.send(noise.encryptFrame(noise.respondToHello(frame)));
      stage = 'finish';
      return;
    }
    if (stage === 'finish') {
      const client = noise.acceptFinish(frame);
      stage = 'transport';
      await handlers.onAuthenticated(connection, client);
      return;
    }
    const node = await decodeBinaryNode(noise.decryptFrame(frame));
    if (frozen) return;
    const answer = node.tag === 'iq' && node.attrs['id'] ? pendingQueries.get(node.attrs['id']) : undefined;
    if (answer && (node.attrs['type'] === 'result' || node.attrs['type'] === 'error')) {
      answer.resolve(node);
      return;
    }
    await handlers.onNode(connection, node);
  };

  socket.on('message', (data: Buffer) => {
    for (const frame of noise.pushBytes(data)) {
      queue = queue
        .then(() => handleFrame(frame))
        .catch((error) => {
          simLogger.warn({ err: error }, 'closing connection after a bad frame');
          socket.terminate();
        });
    }
  });
  socket.on('close', () => {
    for (const pending of pendingQueries.values()) pending.reject(new Error('connection closed'));
    for (const listener of closeListeners) listener();
  });
  socket.on('error', (error) => simLogger.debug({ err: error }, 'websocket error'));
  return connection;
};
