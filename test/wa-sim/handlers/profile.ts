/** `xmlns="w:profile:picture"`: picture URLs, with the hidden (401) and missing (404) answers. */
import type { BinaryNode } from '@whiskeysockets/baileys';
import type { Session, SimContext } from '../context.ts';
import { childOf, iqError, iqResult } from '../nodes.ts';

export const handleProfilePictureIq = (context: SimContext, _session: Session, request: BinaryNode): BinaryNode => {
  if (request.attrs['type'] !== 'get') return iqResult(request);
  const user = context.state.findUser(request.attrs['target'] ?? '');
  const contact = user?.kind === 'contact' ? user.contact : undefined;
  if (contact?.pictureHidden) return iqError(request, 401, 'not-authorized');
  if (!contact?.picture) return iqError(request, 404, 'item-not-found');
  const type = childOf(request, 'picture')?.attrs['type'] ?? 'preview';
  const url = context.media.profilePictureUrl(contact.phone);
  return iqResult(request, [{ tag: 'picture', attrs: { id: '1', type, url, direct_path: new URL(url).pathname } }]);
};
