import type { LookupAddress } from 'node:dns';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchMedia, MediaFetchError, type FetchMediaOptions } from '../../connector/media/safe-fetch.ts';
import { pollUntil } from '../support/poll.ts';

/** A loopback media server that counts every request it gets. */
interface MediaServer {
  port: number;
  hits: string[];
  hostHeaders: string[];
  /** Bytes written by the endless body before the client went away. */
  endlessBytes: number;
  /** Paths whose response the client closed before it ended. */
  cutOff: string[];
  /** The response of `/held`, which has sent its first kilobyte and waits for the test to end it. */
  held?: ServerResponse;
  close(): Promise<void>;
}

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2_000, 7)]);
const megabyte = 1024 * 1024;

async function startMediaServer(): Promise<MediaServer> {
  const media: MediaServer = { port: 0, hits: [], hostHeaders: [], endlessBytes: 0, cutOff: [], close: async () => {} };
  const send = (response: ServerResponse, type: string, bytes: Buffer, headers: Record<string, string> = {}) =>
    response.writeHead(200, { 'content-type': type, 'content-length': bytes.length, ...headers }).end(bytes);

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse, url: URL) => void> = {
    '/photo.jpg': (_, response) => send(response, 'image/jpeg', jpeg),
    '/sticker.webp': (_, response) => send(response, 'image/webp; charset=binary', Buffer.from('RIFF....WEBPVP8 ')),
    '/photo.png': (_, response) => send(response, 'image/png', Buffer.from('\x89PNG')),
    '/page': (_, response) => send(response, 'text/html; charset=utf-8', Buffer.from('<html></html>')),
    '/untyped': (_, response) => response.writeHead(200, { 'content-length': 3 }).end('abc'),
    '/report': (_, response) =>
      send(response, 'application/pdf', Buffer.from('%PDF-1.7'), { 'content-disposition': 'attachment; filename="Q3 report.pdf"' }),
    '/resume': (_, response) =>
      send(response, 'application/pdf', Buffer.from('%PDF-1.7'), {
        'content-disposition': `attachment; filename="resume.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`,
      }),
    // Bidirectional controls around and inside the name: shown, "invoice\u202Efdp.exe" reads "invoiceexe.pdf".
    '/disguised': (_, response) =>
      send(response, 'application/octet-stream', Buffer.from('MZ'), {
        'content-disposition': `attachment; filename*=UTF-8''%E2%81%A6invoice%E2%80%AEfdp%E2%80%8F.exe%D8%9C%E2%80%AA`,
      }),
    '/traversal': (_, response) =>
      send(response, 'application/pdf', Buffer.from('%PDF-1.7'), { 'content-disposition': 'attachment; filename="../../etc/pass\\"wd"' }),
    '/empty': (_, response) => response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': 0 }).end(),
    '/missing': (_, response) => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    '/redirect': (_, response, url) => response.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end(),
    '/chain': (_, response, url) => {
      const left = Number(url.searchParams.get('left'));
      response.writeHead(301, { location: left === 0 ? '/photo.jpg' : `/chain?left=${left - 1}` }).end();
    },
    // Declares 2 MB, then sends nothing: the declared length alone must refuse it.
    '/declared-large': (_, response) =>
      response.writeHead(200, { 'content-type': 'image/webp', 'content-length': 2 * megabyte }).flushHeaders(),
    // No length, and never ends: only counting bytes can stop it.
    '/endless': (_, response) => {
      response.writeHead(200, { 'content-type': 'image/webp' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        let writable = true;
        while (writable && !response.destroyed) {
          media.endlessBytes += chunk.length;
          writable = response.write(chunk);
        }
      };
      response.on('drain', pump);
      pump();
    },
    '/held': (_, response) => {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.write(Buffer.alloc(1024, 1));
      media.held = response;
    },
    // Headers at once, then a byte a second: alive, but never done in time.
    '/trickle': (_, response) => {
      response.writeHead(200, { 'content-type': 'image/jpeg' });
      const timer = setInterval(() => response.write('x'), 1_000);
      response.on('close', () => clearInterval(timer));
    },
    '/silent': () => {},
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://media.test');
    media.hits.push(url.pathname);
    media.hostHeaders.push(request.headers.host ?? '');
    response.on('close', () => response.writableFinished || media.cutOff.push(url.pathname));
    (routes[url.pathname] ?? ((_, res: ServerResponse) => res.writeHead(404).end()))(request, response, url);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  media.port = (server.address() as AddressInfo).port;
  media.close = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return media;
}

/** Test DNS: `.test` names resolve only here, never through the system resolver. */
const zone: Record<string, string[]> = {
  'public.test': ['127.0.0.1'],
  'evil-loopback.test': ['127.0.0.1'],
  'evil-private.test': ['10.0.0.5'],
  'evil-metadata.test': ['169.254.169.254'],
  'evil-ipv6.test': ['::1'],
  'evil-ula.test': ['fd00::1'],
  'evil-mapped.test': ['::ffff:127.0.0.1'],
  'mixed.test': ['127.0.0.1', '10.0.0.5'],
  'empty.test': [],
};
const lookups: string[] = [];
const testLookup = async (hostname: string): Promise<LookupAddress[]> => {
  lookups.push(hostname);
  const addresses = zone[hostname];
  if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

let media: MediaServer;
beforeAll(async () => {
  media = await startMediaServer();
});
afterAll(() => media.close());
beforeEach(() => {
  media.hits.length = 0;
  media.hostHeaders.length = 0;
  media.cutOff.length = 0;
  lookups.length = 0;
});

// `public.test` stands for a public host: it is the loopback server, exempt by name through the allow-list.
const at = (path: string, host = 'public.test') => `http://${host}:${media.port}${path}`;
const fetchAs = (url: string, options: Partial<FetchMediaOptions> = {}) =>
  fetchMedia(url, { kind: 'image', lookup: testLookup, allowHosts: ['public.test'], ...options });
/** Fetches and reads the whole body, as a send does; the body's own failures count too. */
const downloadAs = async (url: string, options: Partial<FetchMediaOptions> = {}) => {
  const { body, ...media } = await fetchAs(url, options);
  return { ...media, bytes: await buffer(body) };
};

async function refusal(download: Promise<unknown>): Promise<string> {
  const error = await download.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(MediaFetchError);
  return (error as MediaFetchError).reason;
}

describe('fetchMedia', () => {
  describe('downloads', () => {
    it('an image from an allowed host, connecting to the address it resolved and sending the name as Host', async () => {
      const downloaded = await downloadAs(at('/photo.jpg'));

      expect(downloaded).toEqual({ bytes: jpeg, contentType: 'image/jpeg', declaredBytes: jpeg.length });
      expect(media.hits).toEqual(['/photo.jpg']);
      expect(media.hostHeaders).toEqual([`public.test:${media.port}`]);
      expect(lookups).toEqual(['public.test']);
    });

    it('a sticker, with its type stripped of parameters', async () => {
      const downloaded = await downloadAs(at('/sticker.webp'), { kind: 'sticker' });

      expect(downloaded.contentType).toBe('image/webp');
    });

    it('a document with the file name from Content-Disposition, preferring filename*, without path or bidirectional controls', async () => {
      const plain = await downloadAs(at('/report'), { kind: 'document' });
      const extended = await downloadAs(at('/resume'), { kind: 'document' });
      const traversal = await downloadAs(at('/traversal'), { kind: 'document' });
      const disguised = await downloadAs(at('/disguised'), { kind: 'document' });
      const untyped = await downloadAs(at('/untyped'), { kind: 'document' });

      expect(plain).toMatchObject({ contentType: 'application/pdf', fileName: 'Q3 report.pdf' });
      expect(extended.fileName).toBe('résumé.pdf');
      expect(traversal.fileName).toBe('pass"wd');
      expect(disguised.fileName).toBe('invoicefdp.exe');
      expect(untyped).toEqual({ bytes: Buffer.from('abc'), contentType: 'application/octet-stream', declaredBytes: 3 });
    });

    it('as a stream that hands the body on as it arrives, before the server has sent all of it', async () => {
      const { body } = await fetchAs(at('/held'), { kind: 'document', totalTimeoutMs: 5_000 });
      const chunks = body[Symbol.asyncIterator]();

      const first = (await chunks.next()).value as Buffer;
      media.held!.end(Buffer.alloc(1024, 2));
      const rest: Buffer[] = [];
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) rest.push(next.value as Buffer);

      expect(first).toEqual(Buffer.alloc(1024, 1));
      expect(Buffer.concat(rest)).toEqual(Buffer.alloc(1024, 2));
    });

    it('closes the connection when the reader stops before the end', async () => {
      const { body } = await fetchAs(at('/endless'), { kind: 'document' });
      await body[Symbol.asyncIterator]().next();

      body.destroy();

      await pollUntil(
        () => media.cutOff,
        (paths) => paths.includes('/endless'),
        { timeoutMs: 2_000 },
      );
    });

    it('through up to 5 redirects, relative ones included, and refuses a sixth', async () => {
      const five = await downloadAs(at('/chain?left=4'));
      const six = refusal(downloadAs(at('/chain?left=5')));

      expect(five.bytes).toEqual(jpeg);
      expect(await six).toBe('media redirected too many times');
      expect(media.hits.filter((path) => path === '/photo.jpg')).toHaveLength(1);
    });

    it('over the vetted address even if DNS would answer otherwise by the time it connects', async () => {
      // Pinned: the host name is never resolved again, so a rebinding answer cannot take effect,
      // and this name is unknown to the system resolver, so a second lookup would fail the fetch.
      let answers = 0;
      const rebinding = async (): Promise<LookupAddress[]> => [{ address: answers++ === 0 ? '127.0.0.1' : '10.0.0.5', family: 4 }];

      const downloaded = await downloadAs(at('/photo.jpg', 'rebind.test'), { lookup: rebinding, allowHosts: ['127.0.0.1'] });

      expect(downloaded.bytes).toEqual(jpeg);
      expect(answers).toBe(1);
    });
  });

  describe('refuses private destinations without connecting', () => {
    it.each(['evil-loopback.test', 'evil-private.test', 'evil-metadata.test', 'evil-ipv6.test', 'evil-ula.test', 'evil-mapped.test'])(
      'a name resolving to a private address: %s',
      async (host) => {
        const reason = await refusal(downloadAs(at('/photo.jpg', host)));

        expect(reason).toBe('media URL points to a private or local address');
        expect(lookups).toEqual([host]);
        expect(media.hits).toEqual([]);
      },
    );

    it('a name with one private address among allowed ones', async () => {
      const reason = await refusal(downloadAs(at('/photo.jpg', 'mixed.test'), { allowHosts: ['127.0.0.1'] }));

      expect(reason).toBe('media URL points to a private or local address');
      expect(media.hits).toEqual([]);
    });

    it.each(['127.0.0.1', '2130706433', '[::ffff:127.0.0.1]', 'localhost', 'media.localhost'])(
      'a private or local host in the URL: %s',
      async (host) => {
        const reason = await refusal(downloadAs(at('/photo.jpg', host)));

        expect(reason).toBe('media URL points to a private or local address');
        expect(lookups).toEqual([]);
        expect(media.hits).toEqual([]);
      },
    );

    it.each([
      ['127.0.0.1', () => at('/photo.jpg', '127.0.0.1')],
      ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
      ['10.0.0.5', () => 'http://10.0.0.5/photo.jpg'],
      ['[::1]', () => `http://[::1]:${media.port}/photo.jpg`],
      ['a name resolving to loopback', () => at('/photo.jpg', 'evil-loopback.test')],
    ])('a redirect to %s', async (_, target) => {
      const reason = await refusal(downloadAs(at(`/redirect?to=${encodeURIComponent(target())}`)));

      expect(reason).toBe('media URL points to a private or local address');
      expect(media.hits).toEqual(['/redirect']);
    });

    it('a redirect away from http(s) or to a URL with credentials', async () => {
      const file = await refusal(downloadAs(at(`/redirect?to=${encodeURIComponent('file:///etc/passwd')}`)));
      const credentials = await refusal(downloadAs(at(`/redirect?to=${encodeURIComponent(at('/photo.jpg', 'user:pw@public.test'))}`)));

      expect(file).toBe('media URL must be an http(s) URL');
      expect(credentials).toBe('media URL must not contain a user name or password');
      expect(media.hits).toEqual(['/redirect', '/redirect']);
    });

    it('an unknown or empty name', async () => {
      const unknown = await refusal(downloadAs(at('/photo.jpg', 'nowhere.test')));
      const empty = await refusal(downloadAs(at('/photo.jpg', 'empty.test')));

      expect([unknown, empty]).toEqual(['media host was not found', 'media host was not found']);
    });

    it('the loopback server itself when the allow-list is empty', async () => {
      const reason = await refusal(downloadAs(at('/photo.jpg'), { allowHosts: [] }));

      expect(reason).toBe('media URL points to a private or local address');
      expect(media.hits).toEqual([]);
    });
  });

  describe('refuses responses that are not the media asked for', () => {
    it('an error status', async () => {
      const reason = await refusal(downloadAs(at('/missing')));

      expect(reason).toBe('media returned HTTP 404');
    });

    it.each([
      ['image', '/page', 'media is not an image (text/html)'],
      ['image', '/untyped', 'media is not an image (no content type)'],
      ['sticker', '/page', 'media is not an image for a sticker (text/html)'],
      ['document', '/page', 'media is a web page, not a document (text/html)'],
    ] as const)('%s from %s', async (kind, path, expected) => {
      const reason = await refusal(downloadAs(at(path), { kind }));

      expect(reason).toBe(expected);
    });

    it('an empty body', async () => {
      const reason = await refusal(downloadAs(at('/empty')));

      expect(reason).toBe('media is empty');
    });
  });

  describe('bounds size and time', () => {
    it('refuses a declared length over the cap before reading the body', async () => {
      const started = Date.now();

      const reason = await refusal(downloadAs(at('/declared-large'), { kind: 'sticker' }));

      expect(reason).toBe('media is larger than 1 MB');
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('stops an undeclared body as soon as it passes the cap', async () => {
      media.endlessBytes = 0;

      const reason = await refusal(downloadAs(at('/endless'), { kind: 'sticker', totalTimeoutMs: 10_000 }));

      expect(reason).toBe('media is larger than 1 MB');
      // What the server wrote is the cap plus what the socket buffers held, not an endless stream.
      expect(media.endlessBytes).toBeGreaterThan(megabyte);
      expect(media.endlessBytes).toBeLessThan(16 * megabyte);
    });

    it.each(['/trickle', '/silent'])('times out a download that does not finish in time: %s', async (path) => {
      const started = Date.now();

      const reason = await refusal(downloadAs(at(path), { totalTimeoutMs: 500 }));

      expect(reason).toBe('media download timed out');
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('times out a connection whose TLS handshake never completes, well before the total timeout', async () => {
      const silent = createNetServer((socket) => socket.on('error', () => {}));
      silent.listen(0, '127.0.0.1');
      await once(silent, 'listening');
      const port = (silent.address() as AddressInfo).port;
      const started = Date.now();

      try {
        const reason = await refusal(
          downloadAs(`https://public.test:${port}/photo.jpg`, { connectTimeoutMs: 200, totalTimeoutMs: 20_000 }),
        );

        expect(reason).toBe('media download timed out');
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        silent.close();
      }
    });

    it('times out a lookup that does not answer', async () => {
      const hanging = () => new Promise<LookupAddress[]>(() => {});

      const reason = await refusal(downloadAs(at('/photo.jpg', 'slow-dns.test'), { lookup: hanging, totalTimeoutMs: 300 }));

      expect(reason).toBe('media download timed out');
      expect(media.hits).toEqual([]);
    });
  });
});
