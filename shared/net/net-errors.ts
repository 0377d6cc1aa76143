/**
 * Why an outbound connection was refused or failed before any answer, in neutral terms: each caller
 * (the media fetcher, webhook delivery) words them for its own users.
 */

/** The host name did not resolve, or resolved to no address. */
export class HostNotFound extends Error {
  readonly host: string;

  constructor(host: string, options?: { cause?: unknown }) {
    super(`host not found: ${host}`, options);
    this.name = 'HostNotFound';
    this.host = host;
  }
}

/** The host is, or resolved to, addresses the caller's rule refuses (`addresses`: the refused ones, never empty). */
export class UnsafeAddress extends Error {
  readonly host: string;
  readonly addresses: readonly string[];

  constructor(host: string, addresses: readonly string[]) {
    super(`address not allowed for ${host}: ${addresses.join(', ')}`);
    this.name = 'UnsafeAddress';
    this.host = host;
    this.addresses = addresses;
  }
}

/** The TCP (and TLS) connection was not up within its own timeout. */
export class ConnectTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`connection not established within ${timeoutMs} ms`);
    this.name = 'ConnectTimeout';
  }
}
