import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { checkMediaUrl, isAllowedHost, mediaUrlSchema } from '../../shared/messages/media-url.ts';
import { isLocalName, isPublicAddress } from '../../shared/net/address-class.ts';

// A caller's body schema, so messages carry the field name as the API shows them.
const body = z.object({ image_url: mediaUrlSchema });
const problemsOf = (imageUrl: unknown) => {
  const result = body.safeParse({ image_url: imageUrl });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
};

describe('mediaUrlSchema', () => {
  beforeAll(() => {
    // The schema honours the test-only allow-list; these cases are about production, where it is empty.
    vi.stubEnv('MEDIA_FETCH_ALLOW_HOSTS', '');
  });

  it.each([
    'https://cdn.example.com/photos/cat.jpg',
    'http://example.com:8080/a.png?size=large#top',
    'https://8.8.8.8/image.webp',
    'https://[2606:4700:4700::1111]/doc.pdf',
    'https://xn--bcher-kva.example/b.png',
  ])('accepts the public URL %s', (url) => {
    const problems = problemsOf(url);

    expect(problems).toEqual([]);
  });

  it.each([
    'ftp://example.com/a.png',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'gopher://example.com/',
    'not a url',
    '//example.com/a.png',
    '',
  ])('refuses %j as not an http(s) URL', (url) => {
    const problems = problemsOf(url);

    expect(problems).toEqual(['image_url must be an http(s) URL']);
  });

  it('refuses a URL longer than 2048 characters and accepts one of exactly 2048', () => {
    const prefix = 'https://example.com/';
    const exact = prefix + 'a'.repeat(2048 - prefix.length);

    const tooLong = problemsOf(exact + 'a');
    const fits = problemsOf(exact);

    expect(tooLong).toEqual(['image_url must be at most 2048 characters']);
    expect(fits).toEqual([]);
  });

  it.each(['https://user:pass@example.com/a.png', 'https://user@example.com/a.png', 'https://:secret@example.com/a.png'])(
    'refuses credentials in %s',
    (url) => {
      const problems = problemsOf(url);

      expect(problems).toEqual(['image_url must not contain a user name or password']);
    },
  );

  it.each([
    'http://127.0.0.1/',
    'http://127.8.9.10:8080/a.png',
    'http://2130706433/', // decimal 127.0.0.1
    'http://0x7f.1/', // hex and short form
    'http://017700000001/', // octal
    'http://0x7f000001/',
    'http://127.1/',
    'http://%31%32%37.0.0.1/', // percent-encoded host
    'http://0.0.0.0/',
    'http://0/',
    'http://10.0.0.5/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.100.100.200/', // CGNAT range, Alibaba's metadata service
    'http://192.0.0.192/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[::1]/',
    'http://[::]/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:10.0.0.1]/',
    'http://[64:ff9b::7f00:1]/', // NAT64 of 127.0.0.1
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[fd00:ec2::254]/', // AWS metadata over IPv6
    'http://[fc00::1]/',
    'http://[ff02::1]/',
    'http://[2001:db8::1]/',
    'http://[2002:7f00:1::]/', // 6to4 of 127.0.0.1
    'http://localhost/',
    'http://LOCALHOST./',
    'http://ＬＯＣＡＬＨＯＳＴ/', // full-width letters, folded by URL parsing
    'http://api.localhost/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://ip-10-0-0-1.ec2.internal/',
    'http://printer.local/',
    'http://router.home.arpa/',
    'http://metadata/', // a single label is completed by the network's own search domains
  ])('refuses the private or local host of %s', (url) => {
    const problems = problemsOf(url);

    expect(problems).toEqual(['image_url points to a private or local address']);
  });

  it('refuses a value that is not a string', () => {
    const problems = problemsOf(42);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^image_url /);
  });
});

describe('checkMediaUrl with the test-only allow-list', () => {
  it('exempts a listed host from the private-address rule only', () => {
    const allowHosts = ['127.0.0.1', 'media.localhost', '::1'];

    const loopback = checkMediaUrl('http://2130706433:8080/a.png', allowHosts);
    const named = checkMediaUrl('http://media.localhost/a.png', allowHosts);
    const ipv6 = checkMediaUrl('http://[0::1]/a.png', allowHosts);
    const other = checkMediaUrl('http://127.0.0.2/a.png', allowHosts);
    const credentials = checkMediaUrl('http://user:pass@127.0.0.1/a.png', allowHosts);

    expect(loopback.ok).toBe(true);
    expect(named.ok).toBe(true);
    expect(ipv6.ok).toBe(true);
    expect(other).toEqual({ ok: false, problem: 'points to a private or local address' });
    expect(credentials).toEqual({ ok: false, problem: 'must not contain a user name or password' });
  });

  it('matches hosts in canonical form and ignores entries that are not hosts', () => {
    const allowHosts = ['0x7f.1', 'exa mple', ''];

    const matches = isAllowedHost('127.0.0.1', allowHosts);
    const blank = isAllowedHost('', allowHosts);

    expect(matches).toBe(true);
    expect(blank).toBe(false);
  });
});

describe('address classification', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '::ffff:8.8.8.8',
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
  ])('counts %s as public', (address) => {
    const isPublic = isPublicAddress(address);

    expect(isPublic).toBe(true);
  });

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '169.254.169.254',
    '100.64.0.1',
    '198.18.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1%eth0',
    '::ffff:192.168.0.1',
    '::7f00:1',
    'not-an-ip',
    '',
  ])('counts %j as not public', (address) => {
    const isPublic = isPublicAddress(address);

    expect(isPublic).toBe(false);
  });

  it('tells local names from public ones', () => {
    const local = ['localhost', 'localhost.', 'a.b.localhost', 'metadata.google.internal', 'nas.local', 'intranet'];
    const publicNames = ['example.com', 'cdn.example.co.uk', 'localhost.example.com', 'internal.example.com'];

    expect(local.filter((name) => !isLocalName(name))).toEqual([]);
    expect(publicNames.filter(isLocalName)).toEqual([]);
  });
});
