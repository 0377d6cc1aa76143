import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { createUploadForm } from '../../shared/messages/media-uploads.ts';
import { routes } from '../../shared/routes.ts';
import { createMediaUploadResultSchema } from '../../shared/schemas/media-uploads.ts';

export const handler = httpHandler(routes.createMediaUpload, async ({ body, caller }) => {
  const form = await createUploadForm(caller.userId, {
    mimeType: body.mime_type,
    size: body.size,
    ...(body.file_name ? { fileName: body.file_name } : {}),
  });
  return json(createMediaUploadResultSchema.parse({ success: true, data: form }), 201);
});
