/**
 * How large media sent inside a request may be, and how long uploads last.
 *
 * A base64 send travels in one request: API Gateway takes 10 MB, but its Lambda is invoked with
 * the whole request as a payload of at most 6 MB (6,291,456 bytes), headers and request context
 * included. Base64 takes 4 characters per 3 bytes, so 4,500,000 bytes become 6,000,000 characters;
 * with 64 KiB for the other fields (caption, recipient) the body stays under 6,065,536 bytes, and
 * the event around it (headers twice, the request context) well inside the rest. Larger media goes
 * through `POST /media` (a presigned POST, straight to S3) or a URL.
 */
export const MEDIA_BASE64_MAX_BYTES = 4_500_000;

/** The base64 text of MEDIA_BASE64_MAX_BYTES bytes. */
export const MEDIA_BASE64_MAX_CHARS = (MEDIA_BASE64_MAX_BYTES / 3) * 4;

/**
 * The body limit of the routes that take `media_base64`, in place of MAX_BODY_BYTES (1 MiB by
 * default), which every other route keeps: only these need it, and only for the media.
 */
export const MEDIA_BASE64_BODY_MAX_BYTES = MEDIA_BASE64_MAX_CHARS + 65_536;

/** How long an upload may be sent, from its creation: its item's TTL; the bucket expires its bytes after a day too. */
export const mediaUploadLifetimeSeconds = 24 * 3_600;

/** How long a presigned POST form may be posted. */
export const uploadFormLifetimeSeconds = 15 * 60;
