import http from 'node:http';

/**
 * Preloaded into a connector (`--import`) by the CPU benchmark: counts the process's AWS calls by
 * operation, for the inspector to read from `globalThis.awsCalls`. Locally every emulator is plain
 * HTTP, so wrapping `http.request`, which the SDK's handler calls, sees them all.
 */
const calls: Record<string, number> = {};
Object.assign(globalThis, { awsCalls: calls });

const request = http.request;
http.request = function countedRequest(this: unknown, options: unknown, ...rest: unknown[]) {
  if (typeof options === 'object' && options !== null && !(options instanceof URL)) {
    const { headers, method }: http.RequestOptions = options;
    const target = headers && !Array.isArray(headers) ? (headers as http.OutgoingHttpHeaders)['x-amz-target'] : undefined;
    const operation = target ? String(target).split('.').pop()! : `S3 ${method}`;
    calls[operation] = (calls[operation] ?? 0) + 1;
  }
  return (request as (...args: unknown[]) => http.ClientRequest).call(this, options, ...rest);
};
