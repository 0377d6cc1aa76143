import { api } from '../../api/client.ts';
import { dataOf, errorText } from '../../api/errors.ts';

export async function messagePage(session: string, cursor?: string) {
  return dataOf(await api.GET('/message/list', { params: { query: { session, limit: 50, ...(cursor ? { cursor } : {}) } } }));
}

export async function messageStatus(session: string, messageId: string) {
  return dataOf(await api.GET('/message/status', { params: { query: { session, messageId } } })).data;
}

/** A message's media bytes: the API redirects to a short-lived signed URL, which the browser follows. */
export async function messageMedia(session: string, messageId: string): Promise<Blob> {
  const result = await api.GET('/message/media', { params: { query: { session, messageId } }, parseAs: 'blob' });
  if (!result.data) throw new Error(errorText(result.error, result.response));
  return result.data;
}
