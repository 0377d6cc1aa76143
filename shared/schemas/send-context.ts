import { z } from 'zod';
import { recipientProblem } from '../messages/recipient.ts';

/** A number as `to` takes it (E.164 digits), a leading + allowed. */
export const phoneNumberSchema = z
  .string()
  .trim()
  .regex(/^\+?[1-9]\d{6,14}$/, { error: 'must be a number in international format, like 6287654321' });

/** At most this many mentions in one message. */
export const mentionsMaxCount = 256;

/** What every send route but a reaction's takes besides its content: what it replies to, and whom it mentions in a group. */
export const replyFields = {
  reply_to: z.string().min(1).max(64).optional().meta({
    description:
      'The `messageId` of a stored message of this session, sent or received, that this one replies to: WhatsApp shows it quoted. 404 "Message not found" for any other.',
  }),
  mentions: z.array(phoneNumberSchema).min(1).max(mentionsMaxCount).optional().meta({
    description:
      'Group messages only (`is_group: true`): the numbers it mentions, which WhatsApp notifies. A text (or caption) shows a mention as a name only where it has `@` and the number, digits only (`Hi @6287654321`); write it there yourself.',
  }),
};

/** A send's recipient is valid, and it mentions people only in a group. */
export const checkSend = (body: { to: string; is_group: boolean; mentions?: string[] | undefined }, context: z.RefinementCtx) => {
  const problem = recipientProblem(body.to, body.is_group);
  if (problem) context.addIssue({ code: 'custom', path: ['to'], message: problem });
  if (body.mentions && !body.is_group)
    context.addIssue({ code: 'custom', path: ['mentions'], message: 'only in a group message (is_group: true)' });
};
