/**
 * The service's errors, in the domain's words: repositories, services and handlers raise them and
 * know nothing of HTTP. `shared/http/error-response.ts` is the one place that gives each its status;
 * anything that is not one of these becomes a 500.
 */
export abstract class DomainError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request is malformed, or asks for something its subject's current state does not allow. */
export class InvalidInput extends DomainError {}

/** Something that must be unique (a session name or number, an email) is taken. */
export class AlreadyExists extends DomainError {}

/** The caller's credentials are missing, invalid, expired or revoked. */
export class Unauthorized extends DomainError {}

/** The caller is known but may not do this. */
export class Forbidden extends DomainError {}

export class NotFound extends DomainError {}

/** It changed concurrently since it was read, or the request contradicts an earlier one of the same key. */
export class Conflict extends DomainError {}

/** The input is larger than the service accepts. */
export class TooLarge extends DomainError {}

/** A limit is reached; the same request may pass after `retryAfterSeconds` (whole seconds, at least 1). */
export class RateLimited extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number, options?: { cause?: unknown }) {
    super(message, options);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/** The connector or WhatsApp answered, with a failure. */
export class UpstreamFailed extends DomainError {}

/** Not now (concurrent writes, a queue refusing): the same request may pass if tried again. */
export class Unavailable extends DomainError {}

/** The connector did not answer in time. */
export class Timeout extends DomainError {}
