import { isIP } from 'node:net';
import { z } from 'zod';
import { config } from '../config.ts';
import { bareHost, isPrivateHost } from '../net/address-class.ts';

/**
 * The rules a media URL (`image_url`, `document_url`) must meet. The API checks them before a
 * message is queued, without DNS; the connector checks them again on every hop it fetches, then
 * checks the addresses the host resolves to.
 */
export const MEDIA_URL_MAX_LENGTH = 2048;

/** Worded to follow the field's name: "image_url must be an http(s) URL". */
export const mediaUrlProblems = {
  notHttp: 'must be an http(s) URL',
  tooLong: `must be at most ${MEDIA_URL_MAX_LENGTH} characters`,
  credentials: 'must not contain a user name or password',
  privateHost: 'points to a private or local address',
} as const;

export type MediaUrlCheck = { ok: true; url: URL } | { ok: false; problem: string };

/**
 * Whether a host is on the test-only allow-list (`MEDIA_FETCH_ALLOW_HOSTS`): a listed name exempts
 * that host whatever it resolves to, a listed address exempts that address however it is reached.
 * Both sides are compared in WHATWG URL's canonical form, so `0x7f.1` matches `127.0.0.1`.
 */
export function isAllowedHost(host: string, allowHosts: readonly string[]): boolean {
  const canonical = canonicalHost(host);
  return canonical !== undefined && allowHosts.some((entry) => canonicalHost(entry) === canonical);
}

/** A name, an address or a URL hostname (`[::1]`) as WHATWG URL spells its host, without brackets. */
function canonicalHost(host: string): string | undefined {
  const authority = isIP(host) === 6 ? `[${host}]` : host;
  return URL.canParse(`http://${authority}`) ? bareHost(new URL(`http://${authority}`).hostname) : undefined;
}

/** Checks a media URL; `allowHosts` exempts hosts from the private-address rule only. */
export function checkMediaUrl(value: string, allowHosts: readonly string[]): MediaUrlCheck {
  if (value.length > MEDIA_URL_MAX_LENGTH) return { ok: false, problem: mediaUrlProblems.tooLong };
  const url = URL.parse(value);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return { ok: false, problem: mediaUrlProblems.notHttp };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, problem: mediaUrlProblems.credentials };
  if (isPrivateHost(url.hostname) && !isAllowedHost(url.hostname, allowHosts)) {
    return { ok: false, problem: mediaUrlProblems.privateHost };
  }
  return { ok: true, url };
}

/** The schema of `image_url` / `document_url`; the caller's field name prefixes its messages. */
export const mediaUrlSchema = z
  .string()
  .max(MEDIA_URL_MAX_LENGTH, { error: mediaUrlProblems.tooLong, abort: true })
  .superRefine((value, context) => {
    const check = checkMediaUrl(value, config().MEDIA_FETCH_ALLOW_HOSTS);
    if (!check.ok) context.addIssue({ code: 'custom', message: check.problem });
  });
