import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { consoleCacheControlOf, consoleContentSecurityPolicy, consoleSecurityHeaders } from '../../shared/console/headers.ts';

/** The types a Vite build emits; anything else is served as bytes to download. */
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const consoleMissingMessage = 'The web console is not built: run `npm run console:build`, then reload';

/** Answers a request with a file of the console's build, if it names one. */
export type ConsoleFiles = (request: IncomingMessage, response: ServerResponse, pathname: string) => Promise<boolean>;

/**
 * Serves the console's build (`distDir`) as CloudFront serves it in the cloud: `/` is `index.html`,
 * GET and HEAD only, with the console's headers; a path outside the build is not answered (false),
 * so it gets the API's 404. Without a build, `/` answers 503 saying how to make one.
 */
export function consoleFiles(options: { distDir: string; mediaOrigin: string }): ConsoleFiles {
  const root = resolve(options.distDir);
  const headers = {
    ...consoleSecurityHeaders,
    'Content-Security-Policy': consoleContentSecurityPolicy(options.mediaOrigin),
  };
  return async (request, response, pathname) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const relativePath = pathname === '/' ? 'index.html' : fileOf(pathname);
    if (relativePath === undefined) return false;
    const path = join(root, relativePath);
    const found = await stat(path).catch(() => undefined);
    if (!found?.isFile()) {
      if (relativePath !== 'index.html' || (await stat(root).catch(() => undefined))) return false;
      request.resume();
      response.writeHead(503, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : `${consoleMissingMessage}\n`);
      return true;
    }
    request.resume();
    response.writeHead(200, {
      ...headers,
      'Content-Type': contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': found.size,
      'Cache-Control': consoleCacheControlOf(relativePath.split(sep).join('/')),
    });
    if (request.method === 'HEAD') response.end();
    else
      createReadStream(path)
        .on('error', () => response.destroy())
        .pipe(response);
    return true;
  };
}

/** The file a URL path names inside the build, or undefined for one that could leave it or is not a plain path. */
function fileOf(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').slice(1);
  const plain = segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !/[\\\0]/.test(segment));
  return plain ? join(...segments) : undefined;
}
