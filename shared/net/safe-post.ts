/**
 * POSTs a webhook delivery, safe against SSRF: the URL and every address its host resolves to are
 * checked again now (DNS may have changed since registration), the connection is pinned to those
 * addresses, a redirect is an answer like any other, and time and the answer read are bounded.
 */
import type { IncomingMessage } from 'node:http';
import { ConnectTimeout } from './net-errors.ts';
import { pinnedRequest } from './pinned-request.ts';
import { untilAborted } from './until-aborted.ts';
import { webhookTarget, webhookUrlRefusals, type LookupAll } from './webhook-url.ts';

export const userAgent = 'WhatsAppHub-Webhooks/1';

/** How much of an answer is kept for the delivery log when the caller does not say. */
export const WEBHOOK_RESPONSE_MAX_BYTES = 4096;

export interface SafePostOptions {
  body: string;
  /** Sent as given, after a default User-Agent (`userAgent`) they may override. */
  headers: Record<string, string>;
  /** For the whole exchange: lookup, connect, request and reading the answer. */
  timeoutMs: number;
  /** Admits http, loopback and private addresses (`WEBHOOK_ALLOW_PRIVATE_URLS`), as `checkWebhookUrl` does. */
  allowPrivate: boolean;
  /** Resolves host names; defaults to the system resolver. */
  lookup?: LookupAll;
  /** Bytes of the answer read and returned as text; the rest is never read. */
  maxResponseBytes?: number;
}

/** The endpoint's answer, whatever its status: judging it is the caller's business. */
export interface WebhookAnswer {
  statusCode: number;
  /** The start of the body, UTF-8, at most `maxResponseBytes` bytes of it. */
  responseBody: string;
  /** From the call until the answer was read. */
  latencyMs: number;
}

/** A delivery that got no answer; `reason` is short and fit for the customer's delivery log. */
export class WebhookPostError extends Error {
  readonly reason: string;
  readonly latencyMs: number;

  constructor(reason: string, latencyMs: number, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'WebhookPostError';
    this.reason = reason;
    this.latencyMs = latencyMs;
  }
}

/** POSTs `body` to `url`; every refusal or failure without an answer is a `WebhookPostError`. */
export async function safePost(url: string, options: SafePostOptions): Promise<WebhookAnswer> {
  const { body, headers, timeoutMs, allowPrivate, lookup, maxResponseBytes = WEBHOOK_RESPONSE_MAX_BYTES } = options;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const target = await untilAborted(webhookTarget(url, { allowPrivate, ...(lookup ? { lookup } : {}) }), signal);
    if (!target.ok) throw new WebhookPostError(webhookUrlRefusals[target.refusal].reason, elapsed());
    const response = await pinnedRequest({
      url: target.url,
      method: 'POST',
      addresses: target.addresses,
      headers: { 'user-agent': userAgent, 'accept-encoding': 'identity', ...headers },
      body,
      signal,
      connectTimeoutMs: timeoutMs,
    });
    const responseBody = await readStart(response, maxResponseBytes, signal);
    return { statusCode: response.statusCode ?? 0, responseBody, latencyMs: elapsed() };
  } catch (error) {
    if (error instanceof WebhookPostError) throw error;
    throw new WebhookPostError(failureReason(error, signal, timeoutMs), elapsed(), { cause: error });
  }
}

/**
 * Up to `maxBytes` of the body as text, then the connection is closed. A character cut by the cap is
 * dropped rather than shown broken. Past the deadline the status is known, so what arrived is kept.
 */
async function readStart(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let size = 0;
  try {
    if (maxBytes <= 0) return '';
    for await (const chunk of response as AsyncIterable<Buffer>) {
      const kept = chunk.subarray(0, maxBytes - size);
      size += kept.length;
      text += decoder.decode(kept, { stream: true });
      if (size >= maxBytes) return text;
    }
    return text + decoder.decode();
  } catch (error) {
    if (signal.aborted) return text;
    throw error;
  } finally {
    response.destroy();
  }
}

const MAX_REASON_LENGTH = 200;

const reasonsByCode: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS error: certificate does not match the host name',
};

// OpenSSL's certificate verification codes, as Node names them (`DEPTH_ZERO_SELF_SIGNED_CERT`, `CERT_HAS_EXPIRED`, …).
const certificateCode = /CERT|CRL|^UNABLE_TO_|^INVALID_(CA|PURPOSE)$|^PATH_LENGTH_EXCEEDED$|^HOSTNAME_MISMATCH$|^ERR_(TLS|SSL)_/;

function failureReason(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted || error instanceof ConnectTimeout) return `timed out after ${formatSeconds(timeoutMs)}`;
  const { code, message, library, reason } = (error ?? {}) as { code?: unknown; message?: unknown; library?: unknown; reason?: unknown };
  if (message === 'socket hang up') return 'connection closed without an answer';
  if (typeof code === 'string' && code in reasonsByCode) return reasonsByCode[code]!;
  // An OpenSSL failure carries its short reason ("wrong version number") as a field, or inside its message.
  if (typeof library === 'string') return clip(`TLS error: ${typeof reason === 'string' ? reason : String(message)}`);
  const openSslReason = /:SSL routines:[^:]*:([^:]+):/.exec(String(message))?.[1];
  if (openSslReason !== undefined || code === 'EPROTO') return clip(`TLS error: ${openSslReason ?? 'protocol error'}`);
  // Without Node's advice to the operator ("…; if the root CA is installed locally, try --use-system-ca").
  if (typeof code === 'string' && certificateCode.test(code)) return clip(`TLS error: ${String(message).split(';')[0]}`);
  if (code === 'ETIMEDOUT') return `timed out after ${formatSeconds(timeoutMs)}`;
  return typeof code === 'string' ? `request failed (${code})` : 'request failed';
}

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

const clip = (text: string) => (text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text);
