import type { Route } from '../../shared/http/route.ts';

export interface Resource {
  /** The routes of the resource, one per method. */
  routes: Route[];
  /** What each `{name}` segment matched, or null for a resource without any, as API Gateway sends them. */
  pathParameters: Record<string, string> | null;
}

/**
 * The resource a request path addresses, picked as API Gateway picks it: a `{name}` segment matches
 * any one non-empty segment, and where a literal segment and a parameter both match, the literal
 * wins. Values stay percent-encoded as sent, as a REST API passes them on.
 */
export function matchResource(routes: readonly Route[], pathname: string): Resource | undefined {
  const segments = pathname.split('/');
  let best: { path: string; parameters: Record<string, string>; rank: string } | undefined;
  for (const path of new Set(routes.map((route) => route.path))) {
    const match = matchSegments(path.split('/'), segments);
    if (match && (!best || match.rank < best.rank)) best = { path, ...match };
  }
  if (!best) return undefined;
  const { path, parameters } = best;
  return { routes: routes.filter((route) => route.path === path), pathParameters: Object.keys(parameters).length > 0 ? parameters : null };
}

/** `rank` spells literal (0) or parameter (1) per segment: the lowest rank is the most literal match. */
function matchSegments(template: string[], segments: string[]): { parameters: Record<string, string>; rank: string } | undefined {
  if (template.length !== segments.length) return undefined;
  const parameters: Record<string, string> = {};
  let rank = '';
  for (const [index, part] of template.entries()) {
    const segment = segments[index] as string;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      if (part !== segment) return undefined;
      rank += '0';
    } else {
      if (segment === '') return undefined;
      parameters[name] = segment;
      rank += '1';
    }
  }
  return { parameters, rank };
}
