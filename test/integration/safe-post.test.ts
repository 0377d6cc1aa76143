import type { LookupAddress } from 'node:dns';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { getCACertificates, setDefaultCACertificates, type TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { safePost, userAgent, WebhookPostError, type SafePostOptions } from '../../shared/net/safe-post.ts';
import { pollUntil } from '../support/poll.ts';

interface ReceivedPost {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A loopback webhook receiver whose path picks its behaviour; it records every request it reads. */
interface Receiver {
  port: number;
  received: ReceivedPost[];
  /** Paths whose response the client closed before it ended. */
  cutOff: string[];
  close(): Promise<void>;
}

async function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { port: 0, received: [], cutOff: [], close: async () => {} };
  const routes: Record<string, (response: ServerResponse) => void> = {
    '/ok': (response) => response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok ✓'),
    '/accepted-empty': (response) => response.writeHead(202).end(),
    '/large': (response) => response.writeHead(200).end('a'.repeat(10_000)),
    // Two-byte characters: a cap that falls inside one must not show it broken.
    '/accents': (response) => response.writeHead(200).end('é'.repeat(3_000)),
    '/endless': (response) => {
      response.writeHead(200);
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
      };
      response.on('drain', pump);
      pump();
    },
    '/error': (response) => response.writeHead(500).end('database is down'),
    '/gone': (response) => response.writeHead(410).end(),
    '/redirect': (response) => response.writeHead(302, { location: '/ok' }).end('moved'),
    '/silent': () => {},
    '/headers-then-nothing': (response) => response.writeHead(200).write('partial'),
    '/hang-up': (response) => response.socket?.destroy(),
  };
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://receiver.test').pathname;
    receiver.received.push({ method: request.method ?? '', path, headers: request.headers, body: await text(request) });
    response.on('close', () => response.writableFinished || receiver.cutOff.push(path));
    (routes[path] ?? ((res: ServerResponse) => res.writeHead(404).end()))(response);
  };
  const server = createServer((request, response) => void answer(request, response));
  receiver.port = await listen(server);
  receiver.close = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return receiver;
}

/** Test DNS: `.test` names resolve only here. `hooks.test` is the receiver, reachable where private receivers are allowed. */
const zone: Record<string, string[]> = {
  'hooks.test': ['127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'loopback-and-metadata.test': ['127.0.0.1', 'fd00:ec2::254'],
};
const lookups: string[] = [];
const testLookup = async (hostname: string): Promise<LookupAddress[]> => {
  lookups.push(hostname);
  const addresses = zone[hostname];
  if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.received.length = 0;
  receiver.cutOff.length = 0;
  lookups.length = 0;
});

const event = JSON.stringify({ id: 'evt_1', type: 'webhook.test', timestamp: '2025-01-01T00:00:00.000Z', data: {} });
const at = (path: string, host = 'hooks.test', port = receiver.port) => `http://${host}:${port}${path}`;
const post = (url: string, options: Partial<SafePostOptions> = {}) =>
  safePost(url, {
    body: event,
    headers: { 'content-type': 'application/json', 'webhook-id': 'evt_1' },
    timeoutMs: 5_000,
    allowPrivate: true,
    lookup: testLookup,
    ...options,
  });

async function failure(attempt: Promise<unknown>): Promise<WebhookPostError> {
  const error = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WebhookPostError);
  return error as WebhookPostError;
}

describe('safePost', () => {
  describe('answers', () => {
    it('POSTs the body with the caller’s headers, the User-Agent and the name as Host, and returns a 2xx answer as text', async () => {
      const answer = await post(at('/ok'));

      expect(answer).toEqual({ statusCode: 200, responseBody: 'ok ✓', latencyMs: expect.any(Number) });
      expect(receiver.received).toEqual([
        {
          method: 'POST',
          path: '/ok',
          body: event,
          headers: expect.objectContaining({
            host: `hooks.test:${receiver.port}`,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(event)),
            'webhook-id': 'evt_1',
            'user-agent': userAgent,
          }),
        },
      ]);
      expect(lookups).toEqual(['hooks.test']);
    });

    it('returns a non-2xx answer with its body rather than failing, and an empty body as ""', async () => {
      const error = await post(at('/error'));
      const gone = await post(at('/gone'));
      const empty = await post(at('/accepted-empty'));

      expect(error).toMatchObject({ statusCode: 500, responseBody: 'database is down' });
      expect(gone).toMatchObject({ statusCode: 410, responseBody: '' });
      expect(empty).toMatchObject({ statusCode: 202, responseBody: '' });
    });

    it('reads at most 4096 bytes of the answer by default, or the cap it is given', async () => {
      const byDefault = await post(at('/large'));
      const capped = await post(at('/large'), { maxResponseBytes: 10 });

      expect(byDefault.responseBody).toBe('a'.repeat(4096));
      expect(capped.responseBody).toBe('a'.repeat(10));
    });

    it('drops a character the cap cuts in two rather than showing it broken', async () => {
      const answer = await post(at('/accents'), { maxResponseBytes: 4095 });

      expect(answer.responseBody).toBe('é'.repeat(2047));
    });

    it('closes the connection once the cap is read, however much more the endpoint sends', async () => {
      const answer = await post(at('/endless'));

      expect(answer.responseBody).toHaveLength(4096);
      await pollUntil(
        () => receiver.cutOff,
        (paths) => paths.includes('/endless'),
        { timeoutMs: 2_000 },
      );
    });

    it('does not follow a redirect: the 3xx is the answer', async () => {
      const answer = await post(at('/redirect'));

      expect(answer).toMatchObject({ statusCode: 302, responseBody: 'moved' });
      expect(receiver.received.map(({ path }) => path)).toEqual(['/redirect']);
    });

    it('connects to the vetted address even if a second lookup would answer otherwise', async () => {
      // Pinned: the name is resolved once; a rebinding answer (here a metadata address) never takes effect.
      let answers = 0;
      const rebinding = async (): Promise<LookupAddress[]> => [{ address: answers++ === 0 ? '127.0.0.1' : '169.254.169.254', family: 4 }];

      const answer = await post(at('/ok', 'rebind.test'), { lookup: rebinding });

      expect(answer.statusCode).toBe(200);
      expect(answers).toBe(1);
      expect(receiver.received.map(({ headers }) => headers.host)).toEqual([`rebind.test:${receiver.port}`]);
    });
  });

  describe('refuses before connecting', () => {
    it.each([
      ['a name resolving to a metadata address', () => at('/ok', 'metadata.test')],
      ['a name resolving to loopback and AWS’s IPv6 metadata address', () => at('/ok', 'loopback-and-metadata.test')],
      ['a metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
      ['a metadata name', () => 'http://metadata.google.internal/computeMetadata/v1/'],
    ])('%s, even where private receivers are allowed', async (_, url) => {
      const error = await failure(post(url()));

      expect(error.reason).toBe('address not allowed: link-local or cloud metadata');
      expect(receiver.received).toEqual([]);
    });

    it('a loopback receiver, or plain http, where private receivers are not allowed', async () => {
      const loopback = await failure(post(`https://hooks.test:${receiver.port}/ok`, { allowPrivate: false }));
      const plainHttp = await failure(post(at('/ok'), { allowPrivate: false }));

      expect(loopback.reason).toBe('address not allowed: private or loopback');
      expect(plainHttp.reason).toBe('url does not use https');
      expect(receiver.received).toEqual([]);
    });

    it('a name that does not resolve', async () => {
      const error = await failure(post(at('/ok', 'nowhere.test')));

      expect(error.reason).toBe('host not found');
    });
  });

  describe('fails without an answer', () => {
    it('when the connection is refused', async () => {
      const closed = createNetServer();
      const port = await listen(closed);
      closed.close();
      await once(closed, 'close');

      const error = await failure(post(at('/ok', 'hooks.test', port)));

      expect(error.reason).toBe('connection refused');
      expect(error.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('when the endpoint hangs up without answering', async () => {
      const error = await failure(post(at('/hang-up')));

      expect(error.reason).toBe('connection closed without an answer');
    });

    it.each(['/silent'])('when no answer comes in time (%s), bounded by the timeout', async (path) => {
      const started = Date.now();

      const error = await failure(post(at(path), { timeoutMs: 300 }));

      expect(error.reason).toBe('timed out after 0.3 s');
      expect(error.latencyMs).toBeGreaterThanOrEqual(290);
      expect(Date.now() - started).toBeLessThan(1_500);
    });

    it('when a lookup does not answer in time', async () => {
      const hanging = () => new Promise<LookupAddress[]>(() => {});
      const started = Date.now();

      const error = await failure(post(at('/ok', 'slow-dns.test'), { lookup: hanging, timeoutMs: 300 }));

      expect(error.reason).toBe('timed out after 0.3 s');
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(receiver.received).toEqual([]);
    });

    it('when a TLS handshake never completes', async () => {
      const silent = createNetServer((socket) => socket.on('error', () => {}));
      const port = await listen(silent);
      const started = Date.now();

      try {
        const error = await failure(post(`https://hooks.test:${port}/ok`, { timeoutMs: 300 }));

        expect(error.reason).toBe('timed out after 0.3 s');
        expect(Date.now() - started).toBeLessThan(1_500);
      } finally {
        silent.close();
      }
    });

    it('keeps what arrived when the deadline passes while the answer is read: its status is known', async () => {
      const answer = await post(at('/headers-then-nothing'), { timeoutMs: 300 });

      expect(answer).toMatchObject({ statusCode: 200, responseBody: 'partial' });
      expect(answer.latencyMs).toBeGreaterThanOrEqual(290);
    });
  });

  describe('over TLS', () => {
    let port: number;
    let https: ReturnType<typeof createHttpsServer>;
    let certificate: string;
    const serverNames: (string | false | null)[] = [];
    const defaultCertificates = getCACertificates('default');

    beforeAll(async () => {
      const pems = await generate([{ name: 'commonName', value: 'hooks.test' }], {
        keyType: 'ec',
        algorithm: 'sha256',
        extensions: [
          { name: 'basicConstraints', cA: true },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames: [{ type: 2, value: 'hooks.test' }] },
        ],
      });
      certificate = pems.cert;
      https = createHttpsServer({ cert: pems.cert, key: pems.private }, (request, response) => {
        serverNames.push((request.socket as TLSSocket).servername);
        response.writeHead(200).end('secure');
      });
      port = await listen(https);
    });
    afterAll(() => {
      setDefaultCACertificates(defaultCertificates);
      https.closeAllConnections();
      https.close();
    });
    beforeEach(() => {
      serverNames.length = 0;
    });

    it('sends the URL’s name as SNI to the pinned address and verifies the certificate against it', async () => {
      setDefaultCACertificates([...defaultCertificates, certificate]);

      try {
        const answer = await post(`https://hooks.test:${port}/`);
        const wrongName = await failure(post(`https://other.test:${port}/`, { lookup: async () => [{ address: '127.0.0.1', family: 4 }] }));

        expect(answer).toMatchObject({ statusCode: 200, responseBody: 'secure' });
        expect(serverNames).toEqual(['hooks.test']);
        expect(wrongName.reason).toBe('TLS error: certificate does not match the host name');
      } finally {
        setDefaultCACertificates(defaultCertificates);
      }
    });

    it('fails with the TLS error when the endpoint does not speak TLS', async () => {
      const error = await failure(post(at('/ok').replace('http:', 'https:')));

      expect(error.reason).toBe('TLS error: wrong version number');
    });

    it('fails with the TLS error when the certificate is not trusted', async () => {
      const error = await failure(post(`https://hooks.test:${port}/`));

      expect(error.reason).toBe('TLS error: self-signed certificate');
    });
  });
});
