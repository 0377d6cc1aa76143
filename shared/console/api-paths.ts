import type { Route } from '../http/route.ts';

/** The paths the console's own build answers on its origin; no API route may start with one. */
const consolePaths = ['index.html', 'assets', 'favicon.svg'];

/**
 * The path patterns (CloudFront's syntax) that belong to the API on the console's origin, one per
 * first path segment of the route table: `/health` for a segment with one path, `/auth/*` for one
 * with paths below it only, `/webhooks*` for one with both.
 */
export function apiPathPatterns(routes: readonly Pick<Route, 'path'>[]): string[] {
  const segments = new Map<string, { exact: boolean; below: boolean }>();
  for (const { path } of routes) {
    const [, segment = '', ...rest] = path.split('/');
    if (consolePaths.includes(segment)) throw new Error(`The route ${path} would be hidden by the console's /${segment}`);
    const seen = segments.get(segment) ?? { exact: false, below: false };
    if (rest.length === 0) seen.exact = true;
    else seen.below = true;
    segments.set(segment, seen);
  }
  return [...segments].map(([segment, { exact, below }]) => {
    if (exact && below) return `/${segment}*`;
    return exact ? `/${segment}` : `/${segment}/*`;
  });
}
