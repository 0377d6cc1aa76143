import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';
import { binary, text } from '../http/responses.ts';

/**
 * Swagger UI, served by the service itself from the `swagger-ui-dist` package so that nothing loads
 * from another origin. Every URL in the page is relative (`ui/…`, `spec`), so it also works under an
 * API Gateway stage prefix.
 */
export const swaggerUiPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>WhatsApp Hub API</title>
<link rel="stylesheet" href="ui/swagger-ui.css">
<link rel="icon" type="image/png" href="ui/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="ui/swagger-ui-bundle.js"></script>
<script src="ui/swagger-initializer.js"></script>
</body>
</html>
`;

// A file rather than an inline script, so the page's policy needs no 'unsafe-inline'. No validator
// badge: it would send the document to an outside service.
const initializer = `window.ui = SwaggerUIBundle({
  url: 'spec',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  validatorUrl: null,
});
`;

/** The page runs its own scripts and styles and calls its own API; nothing else (Swagger UI draws its icons as data: images). */
export const swaggerUiContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const assetTypes = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-initializer.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
} as const;

type AssetName = keyof typeof assetTypes;

/** The one asset made here rather than read from the package. */
const generatedAsset: AssetName = 'swagger-initializer.js';

/** Files read from `swagger-ui-dist` at run time (its package.json locates it): a Lambda bundle must carry them. */
export const swaggerUiDistFiles = ['package.json', ...Object.keys(assetTypes).filter((name) => name !== generatedAsset)];

/** `/api-docs/ui/{asset}` serves this fixed list and nothing else, so no path can reach another file. */
export const swaggerUiAssetParamsSchema = z.object({ asset: z.enum(Object.keys(assetTypes) as [AssetName, ...AssetName[]]) });

/** Browsers keep an asset for an hour, then revalidate it by its ETag. */
const assetCacheControl = 'public, max-age=3600';

interface Asset {
  etag: string;
  /** The whole 200 answer, encoded once: the bundle is 1.7 MB. */
  ok: APIGatewayProxyResult;
}

const loaded = new Map<AssetName, Asset>();

/** An asset's answer: 304 when the browser's copy is current, else the file (base64 when it is not text). */
export function swaggerUiAssetResponse(name: AssetName, ifNoneMatch: string | undefined): APIGatewayProxyResult {
  const asset = load(name);
  if (ifNoneMatch?.split(',').some((tag) => tag.trim() === asset.etag))
    return { statusCode: 304, headers: { 'Cache-Control': assetCacheControl, ETag: asset.etag }, body: '' };
  // Middleware may add headers to an answer; the cached one stays as it was built.
  return { ...asset.ok, headers: { ...asset.ok.headers } };
}

/** Read once per process, on first use. */
function load(name: AssetName): Asset {
  let asset = loaded.get(name);
  if (!asset) {
    const body = name === generatedAsset ? Buffer.from(initializer) : readFileSync(join(swaggerUiDist(), name));
    const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
    const contentType = assetTypes[name];
    const headers = { 'Cache-Control': assetCacheControl, ETag: etag };
    asset = {
      etag,
      ok: contentType.startsWith('text/') ? text(body.toString('utf8'), contentType, headers) : binary(body, contentType, headers),
    };
    loaded.set(name, asset);
  }
  return asset;
}

function swaggerUiDist(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}
