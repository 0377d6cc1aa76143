/** A media download that was refused or failed; `reason` is short and safe to show the user. */
export class MediaFetchError extends Error {
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, { cause: options?.cause });
    this.name = 'MediaFetchError';
    this.reason = reason;
  }
}

/** The reasons that more than one module gives. */
export const mediaFetchReasons = {
  timedOut: 'media download timed out',
  privateAddress: 'media URL points to a private or local address',
  hostNotFound: 'media host was not found',
} as const;
