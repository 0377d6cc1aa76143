/** Queries a freshly opened client makes about its own account: privacy, blocklist, media hosts. */
import type { BinaryNode } from '@whiskeysockets/baileys';
import type { Session, SimContext } from '../context.ts';
import { childrenOf, iqResult } from '../nodes.ts';

const PRIVACY_SETTINGS: Record<string, string> = {
  readreceipts: 'all',
  last: 'all',
  online: 'all',
  profile: 'all',
  status: 'all',
  groupadd: 'all',
  calladd: 'all',
  messages: 'all',
};

const MEDIA_CONN_TTL_SECONDS = '3600';

export const handlePrivacyIq = (_context: SimContext, _session: Session, request: BinaryNode): BinaryNode => {
  const [child] = childrenOf(request);
  if (request.attrs['type'] !== 'get' || child?.tag !== 'privacy') return iqResult(request);
  const categories = Object.entries(PRIVACY_SETTINGS).map(([name, value]) => ({ tag: 'category', attrs: { name, value } }));
  return iqResult(request, [{ tag: 'privacy', attrs: {}, content: categories }]);
};

export const handleBlocklistIq = (_context: SimContext, _session: Session, request: BinaryNode): BinaryNode =>
  iqResult(request, [{ tag: 'list', attrs: {} }]);

/** `xmlns="w:m"`: where to upload media; the auth token is checked by the media host. */
export const handleMediaConnIq = (context: SimContext, _session: Session, request: BinaryNode): BinaryNode =>
  iqResult(request, [
    {
      tag: 'media_conn',
      attrs: { auth: context.media.uploadAuth, ttl: MEDIA_CONN_TTL_SECONDS, auth_ttl: MEDIA_CONN_TTL_SECONDS },
      content: [{ tag: 'host', attrs: { hostname: context.media.hostname, maxContentLengthBytes: '104857600' } }],
    },
  ]);
