import type { Route } from '../http/route.ts';
import { describeSize } from '../messages/media-limits.ts';
import { MEDIA_BASE64_BODY_MAX_BYTES, MEDIA_BASE64_MAX_BYTES } from '../messages/upload-limits.ts';

/** What every media send route shares: a body large enough for base64 media, and the uploads it stores and reads. */
export const mediaSendRoute = {
  maxBodyBytes: MEDIA_BASE64_BODY_MAX_BYTES,
  access: ['table:readWrite', 'sendQueues:send', 'uploads:write', 'uploads:read'],
} as const satisfies Pick<Route, 'maxBodyBytes' | 'access'>;

/** What every media send says of where its media comes from. */
export function mediaSources(urlField: string): string {
  return `The media is exactly one of: \`${urlField}\`; \`media_base64\` with \`mime_type\` (standard base64, up to ${MEDIA_BASE64_MAX_BYTES.toLocaleString('en-US')} bytes decoded: what fits in the 6 MB a Lambda is invoked with; the body may then be ${describeSize(MEDIA_BASE64_BODY_MAX_BYTES)}); or \`media_id\`, an upload of yours from POST /media (400 if unknown, another account's, expired or never uploaded). None or several: 400.`;
}
