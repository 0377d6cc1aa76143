import { z } from 'zod';
import type { Route } from '../../shared/http/route.ts';

/** The route's path with each `{name}` filled by the first value its `params` enum allows, to call it for real. */
export function concretePath(route: Route): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const param = route.params instanceof z.ZodObject ? route.params.shape[name] : undefined;
    if (!(param instanceof z.ZodEnum)) throw new Error(`${route.path}: tests fill {${name}} from an enum in the route's params`);
    return String(param.options[0]);
  });
}
