import { defineRoute } from '../http/route.ts';
import { describeSize } from '../messages/media-limits.ts';
import { MEDIA_BASE64_MAX_BYTES } from '../messages/upload-limits.ts';
import { createMediaUploadBodySchema, createMediaUploadResultSchema, uploadMaxBytes } from '../schemas/media-uploads.ts';
import { messagesTag } from './messages.ts';
import { errors } from './responses.ts';

export const mediaUploadRoutes = {
  createMediaUpload: defineRoute({
    method: 'POST',
    path: '/media',
    auth: 'apiKey',
    handler: 'media/create-upload',
    access: ['table:readWrite', 'uploads:write'],
    summary: 'Upload media to send, straight to storage',
    description: `Answers a presigned POST: post the file to \`uploadUrl\` as multipart/form-data with every field of \`fields\` and then the file as \`file\`, within 15 minutes. Storage refuses a file whose size is not exactly \`size\` or that is posted with another Content-Type than \`mime_type\`. Then send it with \`media_id\` on any media send, any number of times within 24 hours (its kind's limit still applies). Up to ${describeSize(uploadMaxBytes)}, beyond the ${describeSize(MEDIA_BASE64_MAX_BYTES)} of \`media_base64\`.`,
    tag: messagesTag.name,
    body: createMediaUploadBodySchema,
    responses: { 201: { description: 'Ready for the upload', schema: createMediaUploadResultSchema }, ...errors(400, 401, 413, 429, 500) },
  }),
};
