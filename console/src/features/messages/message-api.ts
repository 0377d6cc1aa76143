import { api } from '../../api/client.ts';
import { dataOf } from '../../api/errors.ts';
import type { paths } from '../../api/schema.d.ts';

export async function messagePage(session: string, cursor?: string) {
  return dataOf(await api.GET('/message/list', { params: { query: { session, limit: 50, ...(cursor ? { cursor } : {}) } } }));
}

export async function messageStatus(session: string, messageId: string) {
  return dataOf(await api.GET('/message/status', { params: { query: { session, messageId } } })).data;
}

type MediaUrlAnswer = paths['/message/media']['get']['responses'][200]['content']['application/json'];

/**
 * A short-lived signed URL of a message's media, asked for as JSON: following the API's default
 * redirect would carry the API key to the bucket's origin, which S3 and CORS refuse.
 */
export async function messageMediaUrl(session: string, messageId: string): Promise<string> {
  const result = await api.GET('/message/media', { params: { query: { session, messageId } }, headers: { Accept: 'application/json' } });
  // The route also answers bytes (`*/*`), so the client types the data loosely; this request asked for JSON.
  return (dataOf(result) as MediaUrlAnswer).data.url;
}
