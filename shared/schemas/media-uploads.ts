import { z } from 'zod';
import { hasBidiControls } from '../messages/bidi-controls.ts';
import { describeSize, MEDIA_MAX_BYTES } from '../messages/media-limits.ts';
import { mimeTypeSchema } from './media-source.ts';

/** The largest upload: a document's. */
export const uploadMaxBytes = Math.max(...Object.values(MEDIA_MAX_BYTES));

/** `POST /media`: what will be uploaded, which the presigned POST then holds the upload to. */
export const createMediaUploadBodySchema = z.object({
  mime_type: mimeTypeSchema.meta({ description: 'The Content-Type the file must be posted with: S3 refuses any other.' }),
  size: z
    .number()
    .int()
    .min(1)
    .max(uploadMaxBytes)
    .meta({ description: `The file's exact size in bytes, at most ${describeSize(uploadMaxBytes)}: S3 refuses a file of any other size.` }),
  file_name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[^/\\\0]+$/, { error: 'must be a file name without path separators' })
    .refine((name) => name.isWellFormed() && !hasBidiControls(name), { error: 'must be well-formed, without bidirectional controls' })
    .optional()
    .meta({ description: 'Sent as a document, the name shown when the send gives no `document_name`.' }),
});

export const createMediaUploadResultSchema = z.object({
  success: z.literal(true),
  data: z.object({
    mediaId: z.string().meta({ description: 'Pass it as `media_id` to any media send, as often as you like, until `expiresAt`.' }),
    uploadUrl: z
      .url()
      .meta({ description: 'POST the file here as multipart/form-data: every field of `fields`, then the file as `file`.' }),
    fields: z.record(z.string(), z.string()).meta({ description: 'The form fields to post before the file, unchanged.' }),
    uploadExpiresAt: z.iso.datetime().meta({ description: 'The form must be posted before this (15 minutes).' }),
    expiresAt: z.iso.datetime().meta({ description: 'Until when the media may be sent (24 hours); then it is deleted.' }),
  }),
});
