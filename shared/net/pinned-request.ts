import type { LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { ConnectTimeout } from './net-errors.ts';

export interface PinnedRequest {
  url: URL;
  method: 'GET' | 'POST';
  /** Already vetted: the only addresses the connection may use. */
  addresses: readonly LookupAddress[];
  headers: OutgoingHttpHeaders;
  /** Sent as is, with its Content-Length. */
  body?: string | Buffer;
  signal: AbortSignal;
  /** From the request until the TCP (and TLS) connection is up; past it the request fails with `ConnectTimeout`. */
  connectTimeoutMs: number;
}

/**
 * Sends one request to `url` over a connection to the vetted addresses only, whatever DNS answers by
 * then, so a rebinding between the check and the connect cannot redirect it; Host and TLS SNI stay the
 * URL's name. Resolves with the response, whatever its status: a redirect is not followed here. No
 * agent: a pooled socket could carry the request to an address vetted for another request.
 */
export function pinnedRequest({
  url,
  method,
  addresses,
  headers,
  body,
  signal,
  connectTimeoutMs,
}: PinnedRequest): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const lengthHeader = body === undefined ? {} : { 'content-length': Buffer.byteLength(body) };
  return new Promise((resolve, reject) => {
    const request = send(url, { method, agent: false, lookup: pinnedLookup(addresses), headers: { ...headers, ...lengthHeader }, signal });
    const connectTimer = setTimeout(() => request.destroy(new ConnectTimeout(connectTimeoutMs)), connectTimeoutMs);
    const connectedEvent = url.protocol === 'https:' ? 'secureConnect' : 'connect';
    request.once('socket', (socket) => socket.once(connectedEvent, () => clearTimeout(connectTimer)));
    request.once('close', () => clearTimeout(connectTimer));
    request.once('response', resolve);
    request.once('error', reject);
    request.end(body);
  });
}

function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), for one otherwise.
    if (options.all) callback(null, [...addresses]);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}
