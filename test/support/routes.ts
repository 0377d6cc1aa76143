import { z } from 'zod';
import type { Route } from '../../shared/http/route.ts';

/**
 * The route's path with each `{name}` filled, to call it for real: by the first value its `params`
 * enum allows, or else by the example its schema documents.
 */
export function concretePath(route: Route): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const param: unknown = route.params instanceof z.ZodObject ? route.params.shape[name] : undefined;
    if (param instanceof z.ZodEnum) return String(param.options[0]);
    const example: unknown = param instanceof z.ZodType ? param.meta()?.example : undefined;
    if (typeof example !== 'string')
      throw new Error(`${route.path}: tests fill {${name}} from an enum or an example in the route's params`);
    return encodeURIComponent(example);
  });
}
