/**
 * Writes `console/src/api/schema.d.ts`, the console's types of every route, from the API's own
 * OpenAPI document: `npm run console:api-types` after a route or schema changes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../../shared/api-docs/openapi.ts';

export const schemaTypesFile = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

const header = "// Generated from the API's OpenAPI document by `npm run console:api-types`: do not edit.\n\n";

/** The types as the generator writes them, for the file and for the test that checks it is current. */
export async function apiTypes(): Promise<string> {
  const document = structuredClone(openApiDocument()) as Parameters<typeof openapiTS>[0];
  return header + astToString(await openapiTS(document, { exportType: true }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(schemaTypesFile, await apiTypes());
