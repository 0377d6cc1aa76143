import type { LookupAddress } from 'node:dns';
import { get as httpGet, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { get as httpsGet } from 'node:https';
import type { LookupFunction } from 'node:net';
import { MediaFetchError, mediaFetchReasons } from './media-fetch-error.ts';

export interface PinnedGet {
  url: URL;
  /** Already vetted: the only addresses the connection may use. */
  addresses: readonly LookupAddress[];
  headers: OutgoingHttpHeaders;
  signal: AbortSignal;
  /** From the request until the TCP (and TLS) connection is up. */
  connectTimeoutMs: number;
}

/**
 * GETs `url` over a connection to the vetted addresses only, whatever DNS answers by then, so a
 * rebinding between the check and the connect cannot redirect it; Host and TLS SNI stay the URL's
 * name. No agent: a pooled socket could carry the request to an address vetted for another fetch.
 */
export function pinnedGet({ url, addresses, headers, signal, connectTimeoutMs }: PinnedGet): Promise<IncomingMessage> {
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false, lookup: pinnedLookup(addresses), headers, signal });
    const connectTimer = setTimeout(() => request.destroy(new MediaFetchError(mediaFetchReasons.timedOut)), connectTimeoutMs);
    const connectedEvent = url.protocol === 'https:' ? 'secureConnect' : 'connect';
    request.once('socket', (socket) => socket.once(connectedEvent, () => clearTimeout(connectTimer)));
    request.once('close', () => clearTimeout(connectTimer));
    request.once('response', resolve);
    request.once('error', reject);
  });
}

function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), for one otherwise.
    if (options.all) callback(null, [...addresses]);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}
