/**
 * The typed errors of the service. Each carries its HTTP status; the HTTP error handler is the one
 * place that turns them into responses, and anything that is not one of these becomes a 500.
 */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, message: string, options?: { cause?: unknown; headers?: Record<string, string> }) {
    super(message, { cause: options?.cause });
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.headers = options?.headers ?? {};
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(400, message, options);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(401, message, options);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(403, message, options);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(404, message, options);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(409, message, options);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(413, message, options);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(message: string, retryAfterSeconds: number, options?: { cause?: unknown }) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(429, message, { ...options, headers: { 'Retry-After': String(seconds) } });
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(503, message, options);
  }
}

export class GatewayTimeoutError extends HttpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(504, message, options);
  }
}
