import { z } from 'zod';
import { captionMaxLength, textMaxLength, wellFormed } from './messages.ts';
import { sessionIdSchema } from './sessions.ts';

/** Request bodies of the changes of a message the session sent: an edit, a delete for everyone. Strict: they go to its chat, so a `to` is refused. */

const targetId = (change: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .meta({
      description: `The \`messageId\` of a message this session sent, through the API or on its own phone; the ${change} goes to that message's chat.`,
    });

export const editMessageBodySchema = z.strictObject({
  session: sessionIdSchema,
  message_id: targetId('edit'),
  text: z
    .string()
    .min(1)
    .max(textMaxLength)
    .refine(...wellFormed)
    .meta({
      description: `The new text, or the new caption of a media message (up to ${captionMaxLength.toLocaleString('en-US')} characters).`,
    }),
});

export const deleteMessageBodySchema = z.strictObject({ session: sessionIdSchema, message_id: targetId('delete') });
