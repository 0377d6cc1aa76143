/** Routes what a logged-in client sends: queries by namespace, everything else to the stanza handler. */
import type { BinaryNode } from '@whiskeysockets/baileys';
import type { Session, SimContext } from '../context.ts';
import { iqResult } from '../nodes.ts';
import { handleBlocklistIq, handleMediaConnIq, handlePrivacyIq } from './account-settings.ts';
import { handleGroupsIq } from './groups.ts';
import { handleDeviceIq } from './login.ts';
import { handleStanza } from './messages.ts';
import { handleEncryptIq } from './prekeys.ts';
import { handleProfilePictureIq } from './profile.ts';
import { handleUsyncIq } from './usync.ts';

type IqHandler = (context: SimContext, session: Session, request: BinaryNode) => BinaryNode | Promise<BinaryNode>;

const IQ_HANDLERS: Record<string, IqHandler> = {
  encrypt: handleEncryptIq,
  usync: handleUsyncIq,
  'w:profile:picture': handleProfilePictureIq,
  'w:g2': handleGroupsIq,
  'w:m': handleMediaConnIq,
  privacy: handlePrivacyIq,
  blocklist: handleBlocklistIq,
  md: handleDeviceIq,
};

// Every query gets an answer: an unanswered one stalls the client for up to a minute.
const answerEmpty: IqHandler = (_context, _session, request) => iqResult(request);

export const handleSessionNode = async (context: SimContext, session: Session, node: BinaryNode): Promise<void> => {
  if (node.tag !== 'iq') {
    await handleStanza(context, session, node);
    return;
  }
  const type = node.attrs['type'];
  if (type !== 'get' && type !== 'set') return;
  const handler = IQ_HANDLERS[node.attrs['xmlns'] ?? ''] ?? answerEmpty;
  session.connection.send(await handler(context, session, node));
};
