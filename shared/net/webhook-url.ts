/**
 * The rule a webhook endpoint's URL must meet, checked when it is registered and again before every
 * delivery (DNS may have changed since): https to a public host; where private receivers are allowed
 * (`WEBHOOK_ALLOW_PRIVATE_URLS`, local stacks only) http and loopback or private addresses too. Link-local
 * and cloud metadata addresses are refused everywhere.
 */
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { addressClass, bareHost, isLocalName, isMetadataName, type AddressClass } from './address-class.ts';
import { HostNotFound, UnsafeAddress } from './net-errors.ts';
import { systemLookup, vettedAddresses, type LookupAll } from './vetted-addresses.ts';

export type { LookupAll } from './vetted-addresses.ts';

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/**
 * Each refusal, as the API words it after the field (`url must use https`) and as a delivery's log
 * words it. Neither names a resolved address: a name's internal answers are not the caller's to learn.
 */
export const webhookUrlRefusals = {
  tooLong: { problem: `must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`, reason: 'url is too long' },
  notAbsolute: { problem: 'must be an absolute URL', reason: 'url is not an absolute URL' },
  notHttps: { problem: 'must use https', reason: 'url does not use https' },
  notHttp: { problem: 'must use http or https', reason: 'url does not use http or https' },
  credentials: { problem: 'must not contain a user name or password', reason: 'url contains credentials' },
  private: { problem: 'must not point at a private or loopback address', reason: 'address not allowed: private or loopback' },
  reserved: { problem: 'must not point at a reserved address', reason: 'address not allowed: reserved' },
  linkLocal: {
    problem: 'must not point at a link-local or cloud metadata address',
    reason: 'address not allowed: link-local or cloud metadata',
  },
  hostNotFound: { problem: 'host not found', reason: 'host not found' },
} as const;

export type WebhookUrlRefusal = keyof typeof webhookUrlRefusals;

export interface WebhookUrlOptions {
  /** Admits http, loopback and private addresses (`WEBHOOK_ALLOW_PRIVATE_URLS`); never link-local or metadata. */
  allowPrivate: boolean;
  /** Resolves host names; defaults to the system resolver (every address). */
  lookup?: LookupAll;
}

export type WebhookUrlCheck = { ok: true; url: URL } | { ok: false; problem: string };

/** The registration check: whether `value` may be a webhook endpoint's URL, resolving its host to judge every address. */
export async function checkWebhookUrl(value: string, options: WebhookUrlOptions): Promise<WebhookUrlCheck> {
  const target = await webhookTarget(value, options);
  return target.ok ? { ok: true, url: target.url } : { ok: false, problem: webhookUrlRefusals[target.refusal].problem };
}

export type WebhookTarget = { ok: true; url: URL; addresses: LookupAddress[] } | { ok: false; refusal: WebhookUrlRefusal };

/** The URL and the vetted addresses a delivery may connect to, or why there are none. */
export async function webhookTarget(value: string, { allowPrivate, lookup = systemLookup }: WebhookUrlOptions): Promise<WebhookTarget> {
  const parsed = parseWebhookUrl(value, allowPrivate);
  if (!parsed.ok) return parsed;
  const { url } = parsed;
  const host = bareHost(url.hostname);
  if (isIP(host) === 0) {
    if (isMetadataName(host)) return { ok: false, refusal: 'linkLocal' };
    // Refused before any DNS, as a media URL is; where private receivers are allowed it may name the developer's machine.
    if (!allowPrivate && isLocalName(host)) return { ok: false, refusal: 'private' };
  }
  try {
    const addresses = await vettedAddresses(url, lookup, (address) => refusalOf(address, allowPrivate) === undefined);
    return { ok: true, url, addresses };
  } catch (error) {
    if (error instanceof HostNotFound) return { ok: false, refusal: 'hostNotFound' };
    if (error instanceof UnsafeAddress)
      return { ok: false, refusal: gravest(error.addresses.map((address) => refusalOf(address, allowPrivate)!)) };
    throw error;
  }
}

function parseWebhookUrl(value: string, allowPrivate: boolean): { ok: true; url: URL } | { ok: false; refusal: WebhookUrlRefusal } {
  const refuse = (refusal: WebhookUrlRefusal) => ({ ok: false as const, refusal });
  if (value.length > WEBHOOK_URL_MAX_LENGTH) return refuse('tooLong');
  const url = URL.parse(value);
  if (url === null) return refuse('notAbsolute');
  const schemeAllowed = url.protocol === 'https:' || (allowPrivate && url.protocol === 'http:');
  if (!schemeAllowed) return refuse(allowPrivate ? 'notHttp' : 'notHttps');
  if (url.username !== '' || url.password !== '') return refuse('credentials');
  return { ok: true, url };
}

const refusalOfClass: Record<AddressClass, (allowPrivate: boolean) => WebhookUrlRefusal | undefined> = {
  public: () => undefined,
  private: (allowPrivate) => (allowPrivate ? undefined : 'private'),
  reserved: () => 'reserved',
  linkLocal: () => 'linkLocal',
};

const refusalOf = (address: string, allowPrivate: boolean) => refusalOfClass[addressClass(address)](allowPrivate);

/** Of a host's refused addresses, the one whose refusal holds everywhere is the one worth naming. */
function gravest(refusals: readonly WebhookUrlRefusal[]): WebhookUrlRefusal {
  const order: readonly WebhookUrlRefusal[] = ['linkLocal', 'reserved', 'private'];
  return order.find((refusal) => refusals.includes(refusal)) ?? refusals[0]!;
}
