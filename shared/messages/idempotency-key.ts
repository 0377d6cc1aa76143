/** How long an Idempotency-Key holds its first answer. */
export const idempotencyLifetimeSeconds = 24 * 3_600;

/** What an Idempotency-Key may be: 1-255 printable characters without spaces. */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;
