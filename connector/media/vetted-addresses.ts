import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isAllowedHost } from '../../shared/messages/media-url.ts';
import { bareHost, isPublicAddress } from '../../shared/net/address-class.ts';
import { MediaFetchError, mediaFetchReasons } from './media-fetch-error.ts';

/** Every address a host name resolves to; tests inject their own. */
export type LookupAll = (hostname: string) => Promise<readonly LookupAddress[]>;

export const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, order: 'verbatim' });

/**
 * The addresses the fetcher may connect to for `url`. A name must resolve only to public addresses:
 * one private answer among public ones refuses the whole host, since which one a connection would
 * use is not ours to choose. Allow-listed hosts and addresses (tests only) are exempt.
 */
export async function vettedAddresses(url: URL, lookup: LookupAll, allowHosts: readonly string[]): Promise<LookupAddress[]> {
  const host = bareHost(url.hostname);
  const family = isIP(host);
  // An address literal was judged with the URL itself.
  if (family !== 0) return [{ address: host, family }];

  const addresses = await resolve(host, lookup);
  const acceptable = (address: string) => isPublicAddress(address) || isAllowedHost(address, allowHosts);
  if (!isAllowedHost(host, allowHosts) && !addresses.every(({ address }) => acceptable(address))) {
    throw new MediaFetchError(mediaFetchReasons.privateAddress);
  }
  return addresses;
}

async function resolve(host: string, lookup: LookupAll): Promise<LookupAddress[]> {
  const addresses = await lookup(host).catch((error: unknown) => {
    throw new MediaFetchError(mediaFetchReasons.hostNotFound, { cause: error });
  });
  if (addresses.length === 0) throw new MediaFetchError(mediaFetchReasons.hostNotFound);
  return [...addresses];
}
