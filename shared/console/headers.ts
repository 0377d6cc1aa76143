/**
 * The web console's HTTP facts, one place for the local server and the CDK app: its
 * Content-Security-Policy, the other security headers, and how long browsers may keep its files.
 */

/**
 * The policy of every console page. Everything is bundled and served from the console's own origin;
 * the one other origin is the media bucket's, which the console posts uploads to (presigned POST)
 * and shows media from (signed URLs as the sources of images, videos and audio).
 */
export function consoleContentSecurityPolicy(mediaOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${mediaOrigin}`,
    `media-src 'self' ${mediaOrigin}`,
    `connect-src 'self' ${mediaOrigin}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Security headers besides the policy and HSTS, as header name → value. */
export const consoleSecurityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  // Tokens never sit in URLs, but media and upload URLs carry signatures: no page address leaves the console.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // The console shows a QR code and reads files the person picks: it needs no device or sensor.
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
} as const;

/** HSTS, sent in the cloud only (the local console is plain http): two years, subdomains included. */
export const consoleHstsMaxAgeSeconds = 63_072_000;

/** The folder of the build's content-hashed files, relative to the build's root. */
export const consoleAssetsFolder = 'assets';

/**
 * Browsers revalidate `index.html` on every load, so a new build shows at once; the files it names
 * carry their content's hash in their names, so they never change and are kept a year.
 */
export const consoleCacheControl = {
  document: 'no-cache',
  asset: 'public, max-age=31536000, immutable',
} as const;

/** The Cache-Control of a file of the build, by its path relative to the build's root (`assets/app-3f2a.js`). */
export function consoleCacheControlOf(relativePath: string): string {
  return relativePath.startsWith(`${consoleAssetsFolder}/`) ? consoleCacheControl.asset : consoleCacheControl.document;
}

/** The build folder, relative to the repository root, unless a caller names another. */
export const defaultConsoleDist = 'console/dist';

/**
 * The media bucket's CORS rule (S3's `CORSRule`): the console, and only it, may post presigned
 * uploads to the bucket and read media from it. What may be uploaded stays the presigned policy's
 * to decide; CORS only lets the console's page read S3's answers.
 */
export function mediaBucketCorsRule(consoleOrigins: readonly string[]) {
  return {
    AllowedOrigins: [...consoleOrigins],
    AllowedMethods: ['POST', 'GET', 'HEAD'],
    ExposeHeaders: ['ETag'],
    MaxAgeSeconds: 600,
  };
}
