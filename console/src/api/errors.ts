/** What went wrong, in the API's own words when it gave some (`{ success: false, error }`). */
export function errorText(error: unknown, response?: Response): string {
  if (error && typeof error === 'object' && 'error' in error && typeof error.error === 'string') return error.error;
  if (response?.status === 429) return 'Too many requests: wait a moment and try again.';
  if (response) return `The API answered ${response.status} ${response.statusText}`.trim();
  if (error instanceof Error) return `Could not reach the API: ${error.message}`;
  return 'Something went wrong.';
}

/** An openapi-fetch answer's data, or a thrown Error with the API's error text. */
export function dataOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new Error(errorText(result.error, result.response));
  return result.data;
}
