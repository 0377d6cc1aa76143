/** `xmlns="usync"`: devices, LIDs, "is on WhatsApp" (contact), about text (status). */
import type { BinaryNode } from '@whiskeysockets/baileys';
import type { Session, SimContext } from '../context.ts';
import { lidJid, normalizePhone, pnJid } from '../jids.ts';
import { childOf, childrenOf, iqResult, textOf } from '../nodes.ts';
import type { UserRef } from '../state.ts';

const lidOf = (user: UserRef): string => lidJid(user.kind === 'account' ? user.account.lidUser : user.contact.lidUser);

/** Contacts have one device (their phone). Accounts list none: only their companion exists here. */
const devicesNode = (user: UserRef | undefined): BinaryNode => ({
  tag: 'devices',
  attrs: {},
  content: [
    {
      tag: 'device-list',
      attrs: {},
      content: user?.kind === 'contact' ? [{ tag: 'device', attrs: { id: '0' } }] : [],
    },
  ],
});

const statusNode = (user: UserRef | undefined): BinaryNode => {
  const contact = user?.kind === 'contact' ? user.contact : undefined;
  if (contact?.statusHidden) return { tag: 'status', attrs: { code: '401', t: '0' } };
  if (contact?.status === undefined) return { tag: 'status', attrs: { t: '0' } };
  return { tag: 'status', attrs: { t: '1700000000' }, content: Buffer.from(contact.status) };
};

const protocolNode = (protocol: string, user: UserRef | undefined): BinaryNode | undefined => {
  switch (protocol) {
    case 'contact':
      return { tag: 'contact', attrs: { type: user ? 'in' : 'out' } };
    case 'devices':
      return devicesNode(user);
    case 'lid':
      return user ? { tag: 'lid', attrs: { val: lidOf(user) } } : undefined;
    case 'status':
      return statusNode(user);
    case 'disappearing_mode':
      return { tag: 'disappearing_mode', attrs: { duration: '0', t: '0' } };
    default:
      return undefined;
  }
};

export const handleUsyncIq = (context: SimContext, _session: Session, request: BinaryNode): BinaryNode => {
  const usync = childOf(request, 'usync');
  const protocols = childrenOf(childOf(usync, 'query')).map((protocol) => protocol.tag);
  const users = childrenOf(childOf(usync, 'list')).map((requested) => {
    const phone = textOf(childOf(requested, 'contact'));
    const jid = phone ? pnJid(normalizePhone(phone)) : (requested.attrs['jid'] ?? '');
    const user = context.state.findUser(jid);
    const content = protocols.map((protocol) => protocolNode(protocol, user)).filter((node) => node !== undefined);
    return { tag: 'user', attrs: { jid }, content };
  });
  return iqResult(request, [
    {
      tag: 'usync',
      attrs: { ...usync?.attrs, index: '0', last: 'true' },
      content: [
        { tag: 'result', attrs: {} },
        { tag: 'list', attrs: {}, content: users },
      ],
    },
  ]);
};
