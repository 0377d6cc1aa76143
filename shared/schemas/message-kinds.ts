import { z } from 'zod';
import { checkSend, phoneNumberSchema, replyFields } from './send-context.ts';
import { recipientFields, wellFormed } from './messages.ts';
import { sessionIdSchema } from './sessions.ts';

/** Request bodies of the sends that carry no media: a location, contacts, a poll, a reaction. */

const words = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(...wellFormed);

export const locationNameMaxLength = 256;
export const locationAddressMaxLength = 1_024;

export const sendLocationBodySchema = z
  .object({
    ...recipientFields,
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: words(locationNameMaxLength).optional(),
    address: words(locationAddressMaxLength).optional(),
    ...replyFields,
  })
  .superRefine(checkSend);

export const contactsMaxCount = 10;
export const contactNameMaxLength = 256;

export const sendContactBodySchema = z
  .object({
    ...recipientFields,
    contacts: z
      .array(z.object({ name: words(contactNameMaxLength), phone: phoneNumberSchema }))
      .min(1)
      .max(contactsMaxCount),
    ...replyFields,
  })
  .superRefine(checkSend);

/** WhatsApp's own bounds: 2 to 12 options, a question of 255 characters, an option of 100. */
export const pollOptionsMaxCount = 12;
export const pollQuestionMaxLength = 255;
export const pollOptionMaxLength = 100;

export const sendPollBodySchema = z
  .object({
    ...recipientFields,
    question: words(pollQuestionMaxLength),
    options: z.array(words(pollOptionMaxLength)).min(2).max(pollOptionsMaxCount),
    selectable_count: z
      .number()
      .int()
      .min(1)
      .default(1)
      .meta({ description: 'How many options one voter may choose, 1 to the number of options.' }),
    ...replyFields,
  })
  .superRefine((body, context) => {
    checkSend(body, context);
    if (new Set(body.options).size !== body.options.length)
      context.addIssue({ code: 'custom', path: ['options'], message: 'must be unique' });
    if (body.selectable_count > body.options.length)
      context.addIssue({ code: 'custom', path: ['selectable_count'], message: 'must be at most the number of options' });
  });

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** One emoji (a single grapheme with a pictographic or flag character), or nothing. */
const isOneEmojiOrNone = (emoji: string) =>
  emoji === '' || ([...graphemes.segment(emoji)].length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(emoji));

/** Strict: a reaction goes to its target's chat, so a `to` (or `reply_to`, `mentions`) is refused rather than ignored. */
export const sendReactionBodySchema = z.strictObject({
  session: sessionIdSchema,
  message_id: z.string().min(1).max(64).meta({
    description: "The `messageId` of a stored message of this session, sent or received; the reaction goes to that message's chat.",
  }),
  emoji: z.string().max(32).refine(isOneEmojiOrNone, { error: 'must be one emoji, or empty to remove the reaction' }),
});
