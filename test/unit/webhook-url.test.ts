import type { LookupAddress } from 'node:dns';
import { beforeEach, describe, expect, it } from 'vitest';
import { addressClass, isPublicAddress } from '../../shared/net/address-class.ts';
import { checkWebhookUrl } from '../../shared/net/webhook-url.ts';

/** Test DNS: these names resolve only here, never through the system resolver. */
const zone: Record<string, string[]> = {
  'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'loopback.example.com': ['127.0.0.1'],
  localhost: ['127.0.0.1', '::1'],
  'private.example.com': ['10.0.0.5'],
  'ula.example.com': ['fd12:3456::1'],
  'mapped.example.com': ['::ffff:192.168.1.20'],
  'host.docker.internal': ['192.168.65.254'],
  'metadata.example.com': ['169.254.169.254'],
  'aws-metadata-v6.example.com': ['fd00:ec2::254'],
  'link-local-v6.example.com': ['fe80::1'],
  'public-and-private.example.com': ['93.184.216.34', '10.0.0.5'],
  'private-and-metadata.example.com': ['127.0.0.1', '169.254.169.254'],
  'public-and-reserved.example.com': ['93.184.216.34', '100.64.0.1'],
  'empty.example.com': [],
};
const lookups: string[] = [];
const lookup = async (hostname: string): Promise<LookupAddress[]> => {
  lookups.push(hostname);
  const addresses = zone[hostname];
  if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const inCloud = { allowPrivate: false, lookup };
const locally = { allowPrivate: true, lookup };
const problemOf = async (url: string, options = inCloud) => {
  const check = await checkWebhookUrl(url, options);
  return check.ok ? undefined : check.problem;
};

const problems = {
  https: 'must use https',
  http: 'must use http or https',
  absolute: 'must be an absolute URL',
  private: 'must not point at a private or loopback address',
  linkLocal: 'must not point at a link-local or cloud metadata address',
  reserved: 'must not point at a reserved address',
  hostNotFound: 'host not found',
};

beforeEach(() => {
  lookups.length = 0;
});

describe('checkWebhookUrl', () => {
  describe('in the cloud (private receivers not allowed)', () => {
    it.each([
      'https://hooks.example.com/whatsapp',
      'https://hooks.example.com:8443/a?b=c',
      'https://8.8.8.8/hook',
      'https://[2606:4700:4700::1111]/',
    ])('accepts the public https URL %s', async (url) => {
      const check = await checkWebhookUrl(url, inCloud);

      expect(check).toEqual({ ok: true, url: new URL(url) });
    });

    it('judges every address a name resolves to, and only literals go without a lookup', async () => {
      await checkWebhookUrl('https://hooks.example.com/a', inCloud);
      await checkWebhookUrl('https://8.8.8.8/a', inCloud);

      expect(lookups).toEqual(['hooks.example.com']);
    });

    it.each(['http://hooks.example.com/', 'ftp://hooks.example.com/', 'ws://hooks.example.com/', 'mailto:hooks@example.com'])(
      'refuses %s as not https',
      async (url) => {
        const problem = await problemOf(url);

        expect(problem).toBe(problems.https);
        expect(lookups).toEqual([]);
      },
    );

    it.each(['not a url', '/relative/path', '//hooks.example.com/a', '', 'https://'])('refuses %j as not an absolute URL', async (url) => {
      const problem = await problemOf(url);

      expect(problem).toBe(problems.absolute);
    });

    it('refuses a URL longer than 2048 characters and accepts one of exactly 2048', async () => {
      const prefix = 'https://hooks.example.com/';
      const exact = prefix + 'a'.repeat(2048 - prefix.length);

      const tooLong = await problemOf(exact + 'a');
      const fits = await problemOf(exact);

      expect(tooLong).toBe('must be at most 2048 characters');
      expect(fits).toBeUndefined();
    });

    it.each(['https://user:pass@hooks.example.com/', 'https://user@hooks.example.com/', 'https://:secret@hooks.example.com/'])(
      'refuses the credentials in %s',
      async (url) => {
        const problem = await problemOf(url);

        expect(problem).toBe('must not contain a user name or password');
      },
    );

    it.each([
      'https://127.0.0.1/',
      'https://127.8.9.10:8443/',
      'https://2130706433/', // decimal 127.0.0.1
      'https://0x7f.1/',
      'https://10.0.0.5/',
      'https://172.16.0.1/',
      'https://192.168.1.1/',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::ffff:c0a8:101]/', // 192.168.1.1, IPv4-mapped in hex
      'https://[fd12:3456::1]/',
      'https://[fc00::1]/',
    ])('refuses the loopback or private address of %s', async (url) => {
      const problem = await problemOf(url);

      expect(problem).toBe(problems.private);
    });

    it.each([
      'https://localhost/',
      'https://LOCALHOST./',
      'https://api.localhost/',
      'https://printer.local/',
      'https://intranet/',
      'https://host.docker.internal/',
    ])('refuses the local name of %s without resolving it', async (url) => {
      const problem = await problemOf(url);

      expect(problem).toBe(problems.private);
      expect(lookups).toEqual([]);
    });

    it.each([
      ['loopback.example.com', problems.private],
      ['private.example.com', problems.private],
      ['ula.example.com', problems.private],
      ['mapped.example.com', problems.private],
      ['public-and-private.example.com', problems.private],
      ['public-and-reserved.example.com', problems.reserved],
      ['metadata.example.com', problems.linkLocal],
      ['aws-metadata-v6.example.com', problems.linkLocal],
      ['link-local-v6.example.com', problems.linkLocal],
      ['private-and-metadata.example.com', problems.linkLocal],
    ])('refuses %s by the addresses it resolves to', async (host, expected) => {
      const problem = await problemOf(`https://${host}/hook`);

      expect(problem).toBe(expected);
      expect(lookups).toEqual([host]);
    });

    it.each(['https://unknown.example.com/', 'https://empty.example.com/'])('refuses %s when its host does not resolve', async (url) => {
      const problem = await problemOf(url);

      expect(problem).toBe(problems.hostNotFound);
    });
  });

  describe('locally (private receivers allowed)', () => {
    it.each([
      'http://localhost:4000/hook',
      'http://127.0.0.1:4000/hook',
      'http://[::1]:4000/',
      'http://192.168.1.10/',
      'http://[fd12:3456::1]/',
      'http://[::ffff:10.0.0.1]/',
      'http://loopback.example.com/',
      'http://public-and-private.example.com/',
      'http://host.docker.internal:8080/',
      'https://hooks.example.com/',
    ])('accepts %s', async (url) => {
      const problem = await problemOf(url, locally);

      expect(problem).toBeUndefined();
    });

    it.each(['ftp://localhost/', 'ws://localhost/', 'file:///etc/passwd'])('refuses %s as neither http nor https', async (url) => {
      const problem = await problemOf(url, locally);

      expect(problem).toBe(problems.http);
    });

    it('still refuses credentials and an unknown host', async () => {
      const credentials = await problemOf('http://user:pass@localhost/', locally);
      const unknown = await problemOf('http://unknown.example.com/', locally);

      expect(credentials).toBe('must not contain a user name or password');
      expect(unknown).toBe(problems.hostNotFound);
    });
  });

  describe('everywhere', () => {
    it.each([
      'http://169.254.169.254/latest/meta-data/',
      'http://169.254.170.2/v2/credentials', // ECS task credentials
      'http://169.254.1.1/',
      'http://[fe80::1]/',
      'http://[fd00:ec2::254]/',
      'http://[fd00:ec2::253]/', // AWS's IPv6 DNS resolver
      'http://[::ffff:169.254.169.254]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://METADATA.GOOGLE.INTERNAL./',
      'http://metadata.goog/',
      'http://metadata/',
      'http://instance-data/',
      'http://metadata.example.com/',
      'http://aws-metadata-v6.example.com/',
      'http://private-and-metadata.example.com/',
    ])('refuses the link-local or metadata destination of %s', async (url) => {
      const cloud = await problemOf(url.replace(/^http:/, 'https:'));
      const local = await problemOf(url, locally);

      expect([cloud, local]).toEqual([problems.linkLocal, problems.linkLocal]);
    });

    it.each([
      'http://0.0.0.0/',
      'http://0/',
      'http://100.100.100.200/', // CGNAT, Alibaba's metadata service
      'http://192.0.0.192/', // Oracle's metadata service
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://198.51.100.7/',
      'http://[::]/',
      'http://[64:ff9b::7f00:1]/', // NAT64 of 127.0.0.1
      'http://[2002:7f00:1::]/', // 6to4 of 127.0.0.1
      'http://[2001:db8::1]/',
      'http://[ff02::1]/',
      'http://public-and-reserved.example.com/',
    ])('refuses the reserved address of %s', async (url) => {
      const cloud = await problemOf(url.replace(/^http:/, 'https:'));
      const local = await problemOf(url, locally);

      expect([cloud, local]).toEqual([problems.reserved, problems.reserved]);
    });
  });
});

describe('addressClass', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'private'],
    ['10.255.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['::1', 'private'],
    ['fd12::1', 'private'],
    ['::ffff:127.0.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fd00:ec2::254', 'linkLocal'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['0.0.0.0', 'reserved'],
    ['100.64.0.1', 'reserved'],
    ['::', 'reserved'],
    ['::7f00:1', 'reserved'],
    ['not-an-ip', 'reserved'],
  ] as const)('classes %s as %s, public exactly when isPublicAddress says so', (address, expected) => {
    const kind = addressClass(address);

    expect(kind).toBe(expected);
    expect(isPublicAddress(address)).toBe(expected === 'public');
  });
});
