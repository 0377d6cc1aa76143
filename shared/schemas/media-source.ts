import { z } from 'zod';
import { describeSize } from '../messages/media-limits.ts';
import { MEDIA_BASE64_MAX_BYTES, MEDIA_BASE64_MAX_CHARS } from '../messages/upload-limits.ts';

/** Padded standard base64 (RFC 4648 §4), nothing else: no whitespace, no URL-safe alphabet, no data: prefix. */
const strictBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A simple `type/subtype`, as S3 stores it and a presigned POST's policy matches it. */
export const mimeTypeSchema = z
  .string()
  .max(255)
  .regex(/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/, { error: 'must be a media type such as image/png, without parameters' })
  .meta({ example: 'image/png' });

export const mediaIdSchema = z
  .string()
  .regex(/^med_[A-Za-z0-9_]{1,60}$/, { error: 'must be a mediaId from POST /media' })
  .meta({ description: 'An upload of yours from `POST /media`, posted to its uploadUrl, within 24 h.' });

/** What every media send takes besides its URL field: exactly one of the three names the media. */
export const mediaSourceFields = {
  media_base64: z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(MEDIA_BASE64_MAX_CHARS, { error: `must be at most ${describeSize(MEDIA_BASE64_MAX_BYTES)} once decoded` })
    .regex(strictBase64, { error: 'must be standard padded base64 (no whitespace, no data: prefix)' })
    .optional()
    .meta({
      description: `The media's bytes in standard base64, at most ${MEDIA_BASE64_MAX_BYTES.toLocaleString('en-US')} bytes (${MEDIA_BASE64_MAX_CHARS.toLocaleString('en-US')} characters): what fits in one request to the Lambda behind API Gateway. Needs \`mime_type\`. Larger media: \`POST /media\`.`,
    }),
  mime_type: mimeTypeSchema.optional().meta({ description: 'The type of `media_base64` (and only with it).' }),
  media_id: mediaIdSchema.optional(),
};

/** For `.superRefine`: exactly one of `urlField`, `media_base64` and `media_id`, and `mime_type` with base64 only. */
export function checkMediaSource(urlField: string) {
  return (body: Record<string, unknown>, context: z.RefinementCtx) => {
    const names = [urlField, 'media_base64', 'media_id'];
    const given = names.filter((name) => body[name] !== undefined);
    if (given.length !== 1) {
      const found = given.length === 0 ? 'none was given' : `${given.join(' and ')} were given`;
      context.addIssue({
        code: 'custom',
        path: given.length ? [given[1]!] : [],
        message: `exactly one of ${names.join(', ')} is required: ${found}`,
      });
    }
    if (body.media_base64 !== undefined && body.mime_type === undefined) {
      context.addIssue({ code: 'custom', path: ['mime_type'], message: 'is required with media_base64' });
    }
    if (body.media_base64 === undefined && body.mime_type !== undefined) {
      context.addIssue({ code: 'custom', path: ['mime_type'], message: 'is only taken with media_base64' });
    }
  };
}
