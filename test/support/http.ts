import { inject } from 'vitest';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the local stack's API and parses a JSON answer. */
export async function api<T = any>(
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; baseUrl?: string } = {},
): Promise<ApiResponse<T>> {
  const { method = init.body === undefined && init.rawBody === undefined ? 'GET' : 'POST', headers = {} } = init;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(`${init.baseUrl ?? inject('apiUrl')}${path}`, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, body: contentType.includes('json') ? JSON.parse(text) : text };
}
