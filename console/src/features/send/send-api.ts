import { api } from '../../api/client.ts';
import { dataOf } from '../../api/errors.ts';
import type { SendBody, SendRequest } from './requests.ts';

/**
 * Sends a built request; the Idempotency-Key makes a retry of the same submission safe. Every send
 * route answers the same queued result, so one typed call (as the text route) stands for them all.
 */
export async function sendMessage(request: SendRequest, idempotencyKey: string): Promise<string> {
  const result = await api.POST(request.path as '/message/send-text', {
    body: request.body as SendBody<'/message/send-text'>,
    params: { header: { 'Idempotency-Key': idempotencyKey } },
  });
  return dataOf(result).messageId;
}

/**
 * Uploads a file for sending: `POST /media` reserves it and answers a presigned S3 form, then the
 * form's fields and the file go straight to S3. Answers the `media_id` to send it with.
 */
export async function uploadMedia(file: File): Promise<string> {
  const body = { mime_type: file.type || 'application/octet-stream', size: file.size, ...(file.name ? { file_name: file.name } : {}) };
  const { mediaId, uploadUrl, fields } = dataOf(await api.POST('/media', { body })).data;
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file);
  const uploaded = await fetch(uploadUrl, { method: 'POST', body: form }).catch((error: Error) => {
    // A browser hides why; most often the bucket does not allow this site's origin (CORS).
    throw new Error(`Could not reach the file storage at ${new URL(uploadUrl).origin} (${error.message}).`);
  });
  if (!uploaded.ok) {
    const reason = /<Message>([^<]*)<\/Message>/.exec(await uploaded.text())?.[1];
    throw new Error(`The file storage refused the upload (${uploaded.status})${reason ? `: ${reason}` : ''}.`);
  }
  return mediaId;
}
