import { describe, expect, it } from 'vitest';
import { routeList } from '../../shared/routes.ts';

describe('the route table', () => {
  it('declares for every route the AWS access its Lambda is granted (none means no permissions in the cloud)', () => {
    const undeclared = routeList.filter((route) => route.access === undefined).map((route) => `${route.method} ${route.path}`);

    expect(undeclared).toEqual([]);
  });

  it('has one route per method and path', () => {
    const keys = routeList.map((route) => `${route.method} ${route.path}`);

    expect(new Set(keys).size).toBe(keys.length);
  });
});
