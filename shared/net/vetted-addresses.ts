import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { bareHost } from './address-class.ts';
import { HostNotFound, UnsafeAddress } from './net-errors.ts';

/** Every address a host name resolves to; tests inject their own. */
export type LookupAll = (hostname: string) => Promise<readonly LookupAddress[]>;

export const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, order: 'verbatim' });

/**
 * The addresses a connection to `url` may use: the URL's address literal, or every address its name
 * resolves to, each passing `isAllowed`. One refused answer among allowed ones refuses the whole host,
 * since which one a connection would use is not ours to choose. Throws `HostNotFound` or `UnsafeAddress`.
 */
export async function vettedAddresses(url: URL, lookup: LookupAll, isAllowed: (address: string) => boolean): Promise<LookupAddress[]> {
  const host = bareHost(url.hostname);
  const family = isIP(host);
  const addresses = family === 0 ? await resolve(host, lookup) : [{ address: host, family }];
  const refused = addresses.filter(({ address }) => !isAllowed(address));
  if (refused.length > 0)
    throw new UnsafeAddress(
      host,
      refused.map(({ address }) => address),
    );
  return addresses;
}

async function resolve(host: string, lookup: LookupAll): Promise<LookupAddress[]> {
  const addresses = await lookup(host).catch((error: unknown) => {
    throw new HostNotFound(host, { cause: error });
  });
  if (addresses.length === 0) throw new HostNotFound(host);
  return [...addresses];
}
