/**
 * Downloads the media of a message from the URL a user gave, safe against SSRF: http(s) only, every
 * hop's URL and resolved addresses checked before connecting, the connection pinned to the checked
 * addresses, redirects followed by hand, and time, size and type bounded per kind. The body is
 * handed on as a stream, with the size cap and the deadline applied as it is read.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describeSize, MEDIA_MAX_BYTES, type MediaKind } from '../../shared/messages/media-limits.ts';
import { checkMediaUrl, isAllowedHost } from '../../shared/messages/media-url.ts';
import { bareHost, isPublicAddress } from '../../shared/net/address-class.ts';
import { ConnectTimeout, HostNotFound, UnsafeAddress } from '../../shared/net/net-errors.ts';
import { pinnedRequest } from '../../shared/net/pinned-request.ts';
import { untilAborted } from '../../shared/net/until-aborted.ts';
import { systemLookup, vettedAddresses, type LookupAll } from '../../shared/net/vetted-addresses.ts';
import { fileNameFromContentDisposition } from './content-disposition.ts';
import { MediaFetchError, mediaFetchReasons } from './media-fetch-error.ts';
import { mediaType, mediaTypeProblem } from './media-type.ts';

export { MediaFetchError } from './media-fetch-error.ts';

/** Timeouts used when the caller sets none. */
export const MEDIA_FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
} as const;

const MAX_REDIRECTS = 5;

export interface FetchMediaOptions {
  kind: MediaKind;
  /** Hosts or addresses exempt from the private-address rule: tests only (`MEDIA_FETCH_ALLOW_HOSTS`); none by default. */
  allowHosts?: readonly string[];
  /** Resolves host names; defaults to the system resolver (`dns.lookup`, every address). */
  lookup?: LookupAll;
  connectTimeoutMs?: number;
  /** For the whole download: lookups, redirects and reading the body. */
  totalTimeoutMs?: number;
}

export interface FetchedMedia {
  /**
   * The body, downloaded as it is read: never whole in memory. It fails with a MediaFetchError
   * when the download does (too large, empty, cut off, timed out); destroy it if it is not read.
   */
  body: Readable;
  /** The response's media type without parameters (`application/octet-stream` when a document has none). */
  contentType: string;
  fileName?: string;
  /** The Content-Length the server declared, which the body may yet belie. */
  declaredBytes?: number;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const requestHeaders = { 'user-agent': 'WhatsAppHub-MediaFetcher/1', 'accept-encoding': 'identity' };

/** Fetches `url` as media of `kind`; every refusal or failure is a `MediaFetchError`. */
export async function fetchMedia(url: string, options: FetchMediaOptions): Promise<FetchedMedia> {
  const {
    kind,
    allowHosts = [],
    lookup = systemLookup,
    connectTimeoutMs = MEDIA_FETCH_DEFAULTS.connectTimeoutMs,
    totalTimeoutMs = MEDIA_FETCH_DEFAULTS.totalTimeoutMs,
  } = options;
  const signal = AbortSignal.timeout(totalTimeoutMs);
  try {
    let next = url;
    for (let redirects = 0; ; redirects++) {
      const target = checkedUrl(next, allowHosts);
      const addresses = await untilAborted(vettedAddresses(target, lookup, mediaAddressRule(target, allowHosts)), signal);
      const response = await pinnedRequest({ url: target, method: 'GET', addresses, headers: requestHeaders, signal, connectTimeoutMs });
      const location = redirectStatuses.has(response.statusCode ?? 0) ? response.headers.location : undefined;
      if (location === undefined) return await readMedia(response, kind, signal);
      response.destroy();
      if (redirects === MAX_REDIRECTS) throw new MediaFetchError('media redirected too many times');
      next = URL.parse(location, target.href)?.href ?? location;
    }
  } catch (error) {
    throw asMediaFetchError(error, signal);
  }
}

function checkedUrl(value: string, allowHosts: readonly string[]): URL {
  const check = checkMediaUrl(value, allowHosts);
  if (!check.ok) throw new MediaFetchError(`media URL ${check.problem}`);
  return check.url;
}

/**
 * Which resolved addresses a fetch of `url` may use: public ones only, but for the test-only
 * allow-list, whose names are exempt whatever they resolve to and whose addresses however reached.
 */
function mediaAddressRule(url: URL, allowHosts: readonly string[]): (address: string) => boolean {
  if (isAllowedHost(bareHost(url.hostname), allowHosts)) return () => true;
  return (address) => isPublicAddress(address) || isAllowedHost(address, allowHosts);
}

async function readMedia(response: IncomingMessage, kind: MediaKind, signal: AbortSignal): Promise<FetchedMedia> {
  const status = response.statusCode ?? 0;
  const type = mediaType(response.headers['content-type']);
  const maxBytes = MEDIA_MAX_BYTES[kind];
  const refusal =
    status < 200 || status > 299
      ? `media returned HTTP ${status}`
      : (mediaTypeProblem(kind, type) ?? (Number(response.headers['content-length']) > maxBytes ? tooLarge(maxBytes) : undefined));
  if (refusal !== undefined) {
    response.destroy();
    throw new MediaFetchError(refusal);
  }

  const fileName = fileNameFromContentDisposition(response.headers['content-disposition']);
  const declaredBytes = Number(response.headers['content-length'] ?? Number.NaN);
  return {
    body: Readable.from(cappedBody(response, maxBytes, signal), { objectMode: false }),
    contentType: type || 'application/octet-stream',
    ...(fileName === undefined ? {} : { fileName }),
    ...(Number.isSafeInteger(declaredBytes) && declaredBytes > 0 ? { declaredBytes } : {}),
  };
}

/**
 * The body as it arrives. Content-Length may be absent or false, so the bytes are counted and the
 * stream fails past the cap; it fails too when empty, cut off or out of time. Ending it early (the
 * reader stopped) closes the connection.
 */
async function* cappedBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): AsyncGenerator<Buffer> {
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new MediaFetchError(tooLarge(maxBytes));
      yield chunk;
    }
  } catch (error) {
    throw asMediaFetchError(error, signal);
  } finally {
    response.destroy();
  }
  if (size === 0) throw new MediaFetchError('media is empty');
}

const tooLarge = (maxBytes: number) => `media is larger than ${describeSize(maxBytes)}`;

/** The shared network code's neutral failures, in the media fetcher's words; anything else is a failed download. */
function asMediaFetchError(error: unknown, signal: AbortSignal): MediaFetchError {
  if (error instanceof MediaFetchError) return error;
  if (error instanceof UnsafeAddress) return new MediaFetchError(mediaFetchReasons.privateAddress, { cause: error });
  if (error instanceof HostNotFound) return new MediaFetchError(mediaFetchReasons.hostNotFound, { cause: error });
  if (error instanceof ConnectTimeout) return new MediaFetchError(mediaFetchReasons.timedOut, { cause: error });
  if (signal.aborted) return new MediaFetchError(mediaFetchReasons.timedOut, { cause: error });
  return new MediaFetchError('media could not be downloaded', { cause: error });
}
