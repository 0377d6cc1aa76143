import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypes, schemaTypesFile } from '../../console/scripts/api-types.ts';

describe("the console's API types", () => {
  it('are the ones generated from the current OpenAPI document (else run `npm run console:api-types`)', async () => {
    const committed = readFileSync(schemaTypesFile, 'utf8');
    expect(committed === (await apiTypes()), 'console/src/api/schema.d.ts is stale: run `npm run console:api-types`').toBe(true);
  });
});
