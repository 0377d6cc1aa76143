/**
 * The media host (mmg.whatsapp.net's stand-in) on HTTPS loopback: stores encrypted uploads,
 * serves them back by direct path, and serves contacts' profile pictures.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MediaHostInfo, StoredMedia } from './context.ts';
import type { TlsCertificate } from './tls-certificate.ts';

const DOWNLOAD_PREFIX = '/v/t62.sim/';
const PROFILE_PICTURE_PREFIX = '/pps/';

export type MediaHost = { info: MediaHostInfo; close(): Promise<void> };

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const reply = (response: ServerResponse, status: number, body: Buffer | string, type: string) => {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
};

export const startMediaHost = async (
  tls: TlsCertificate,
  port: number,
  profilePicture: (phone: string) => Buffer | undefined,
): Promise<MediaHost> => {
  const uploads = new Map<string, Buffer>();
  const uploadAuth = randomBytes(16).toString('base64url');
  let baseUrl = '';

  const store = (encrypted: Buffer): StoredMedia => {
    const id = randomBytes(12).toString('hex');
    uploads.set(id, encrypted);
    const directPath = `${DOWNLOAD_PREFIX}${id}?ccb=11-4`;
    return { url: `${baseUrl}${directPath}`, directPath };
  };

  const upload = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (url.searchParams.get('auth') !== uploadAuth) {
      reply(response, 401, JSON.stringify({ error: 'bad auth' }), 'application/json');
      return;
    }
    const { url: stored, directPath } = store(await readBody(request));
    reply(response, 200, JSON.stringify({ url: stored, direct_path: directPath }), 'application/json');
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', baseUrl);
    if (request.method === 'POST' && url.pathname.startsWith('/mms/')) return upload(request, response, url);
    const stored = url.pathname.startsWith(DOWNLOAD_PREFIX) ? uploads.get(url.pathname.slice(DOWNLOAD_PREFIX.length)) : undefined;
    if (request.method === 'GET' && stored) return reply(response, 200, stored, 'application/octet-stream');
    const picture = url.pathname.startsWith(PROFILE_PICTURE_PREFIX)
      ? profilePicture(url.pathname.slice(PROFILE_PICTURE_PREFIX.length))
      : undefined;
    if (request.method === 'GET' && picture) return reply(response, 200, picture, 'image/jpeg');
    reply(response, 404, 'not found', 'text/plain');
  };

  const server: Server = createServer(tls, (request, response) => {
    handle(request, response).catch(() => reply(response, 500, 'error', 'text/plain'));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const hostname = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  baseUrl = `https://${hostname}`;
  return {
    info: {
      hostname,
      baseUrl,
      caPem: tls.cert,
      uploadAuth,
      store,
      profilePictureUrl: (phone) => `${baseUrl}${PROFILE_PICTURE_PREFIX}${phone}`,
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
