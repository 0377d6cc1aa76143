/** `xmlns="w:g2"`: group metadata, with LID addressing so senders use their LID identity. */
import type { BinaryNode } from '@whiskeysockets/baileys';
import type { Session, SimContext } from '../context.ts';
import { lidJid, pnJid, userOf } from '../jids.ts';
import { childrenOf, iqError, iqResult } from '../nodes.ts';
import type { Group } from '../state.ts';

const groupNode = (context: SimContext, group: Group): BinaryNode => {
  const members = [
    ...group.accountPhones.map((phone) => ({ phone, lidUser: context.state.account(phone).lidUser, admin: true })),
    ...group.contactPhones.map((phone) => ({ phone, lidUser: context.state.contacts.get(phone)?.lidUser, admin: false })),
  ];
  return {
    tag: 'group',
    attrs: {
      id: userOf(group.jid),
      subject: group.subject,
      s_t: group.creation.toString(),
      creation: group.creation.toString(),
      addressing_mode: 'lid',
      size: members.length.toString(),
    },
    content: members
      .filter((member) => member.lidUser !== undefined)
      .map((member) => ({
        tag: 'participant',
        attrs: {
          jid: lidJid(member.lidUser ?? ''),
          phone_number: pnJid(member.phone),
          ...(member.admin ? { type: 'admin' } : {}),
        },
      })),
  };
};

export const handleGroupsIq = (context: SimContext, session: Session, request: BinaryNode): BinaryNode => {
  const [child] = childrenOf(request);
  if (child?.tag === 'participating') {
    const mine = [...context.state.groups.values()].filter((group) => group.accountPhones.includes(session.account.phone));
    return iqResult(request, [{ tag: 'groups', attrs: {}, content: mine.map((group) => groupNode(context, group)) }]);
  }
  const group = context.state.groups.get(request.attrs['to'] ?? '');
  if (!group) return iqError(request, 404, 'item-not-found');
  return iqResult(request, [groupNode(context, group)]);
};
