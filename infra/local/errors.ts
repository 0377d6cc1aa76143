/** A failure of the local stack that the user can fix; `npm start` prints its message as one line. */
export class LocalStackError extends Error {
  override name = 'LocalStackError';
}
