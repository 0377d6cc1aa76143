/** A failure the caller of the simulator's API caused; `statusCode` is what the control API answers. */
export class SimError extends Error {
  readonly statusCode: number;

  constructor(statusCode: number, message: string) {
    super(message);
    this.name = 'SimError';
    this.statusCode = statusCode;
  }
}
