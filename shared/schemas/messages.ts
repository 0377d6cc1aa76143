import { z } from 'zod';
import { checkMediaSource, mediaSourceFields } from './media-source.ts';
import { REQUEST_LINE_AND_HEADERS_MAX_BYTES } from '../http/request-limits.ts';
import { hasBidiControls } from '../messages/bidi-controls.ts';
import { mediaUrlSchema } from '../messages/media-url.ts';
import { messageTypes, receivedMessageTypes } from '../messages/message.ts';
import { replyFields, checkSend } from './send-context.ts';
import { sessionIdSchema } from './sessions.ts';

/** WhatsApp's own ceilings: 65,536 characters of text, 1,024 of caption. */
export const textMaxLength = 65_536;
export const captionMaxLength = 1_024;

/**
 * The deprecated GET carries `text` in its URL, and the request line and headers together must fit
 * in REQUEST_LINE_AND_HEADERS_MAX_BYTES: 2 KiB of that is left for the path, the other parameters
 * and the headers. Counted URL-encoded, as it travels: "é" takes 6 bytes, an emoji 12.
 */
export const queryTextMaxBytes = REQUEST_LINE_AND_HEADERS_MAX_BYTES - 2_048;

/** For `.refine`: a lone surrogate (JSON `"\ud800"`) would be stored as U+FFFD without a word, so it is refused. */
export const wellFormed = [
  (value: string) => value.isWellFormed(),
  { error: 'must be well-formed Unicode (it holds a lone surrogate)', abort: true },
] as const;

/** A media message's caption, its `text` field. */
export const captionSchema = z
  .string()
  .max(captionMaxLength)
  .refine(...wellFormed)
  .optional();

export const recipientFields = {
  session: sessionIdSchema,
  to: z.string().trim().min(1).max(64),
  is_group: z.boolean().default(false),
};

export const sendTextBodySchema = z
  .object({
    ...recipientFields,
    text: z
      .string()
      .min(1)
      .max(textMaxLength)
      .refine(...wellFormed),
    ...replyFields,
  })
  .superRefine(checkSend);

/** The deprecated `GET /message/send-text`: the same fields in the query, `text` only as long as a URL allows. */
export const sendTextQuerySchema = z
  .object({
    ...recipientFields,
    is_group: z.stringbool().default(false),
    text: z
      .string()
      .min(1)
      .max(queryTextMaxBytes)
      .refine(...wellFormed)
      .refine((text) => encodeURIComponent(text).length <= queryTextMaxBytes, {
        error: `must be at most ${queryTextMaxBytes} bytes URL-encoded`,
      })
      .meta({
        description:
          `At most ${queryTextMaxBytes.toLocaleString('en-US')} bytes once URL-encoded (a character other than an ASCII letter, digit or \`-_.!~*'()\` ` +
          `takes 3 bytes per UTF-8 byte: "é" 6, an emoji 12), as API Gateway takes at most ${REQUEST_LINE_AND_HEADERS_MAX_BYTES.toLocaleString('en-US')} bytes ` +
          `of request line and headers. POST takes up to ${textMaxLength.toLocaleString('en-US')} characters.`,
      }),
  })
  .superRefine(checkSend);

export const sendImageBodySchema = z
  .object({
    ...recipientFields,
    image_url: mediaUrlSchema.optional(),
    ...mediaSourceFields,
    text: captionSchema,
    ...replyFields,
  })
  .superRefine(checkSend)
  .superRefine(checkMediaSource('image_url'));

export const sendDocumentBodySchema = z
  .object({
    ...recipientFields,
    document_url: mediaUrlSchema.optional(),
    ...mediaSourceFields,
    document_name: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .regex(/^[^/\\\0]+$/, { error: 'must be a file name without path separators' })
      .refine(...wellFormed)
      .refine((name) => !hasBidiControls(name), {
        error: 'must not contain bidirectional control characters (they can disguise the extension)',
      })
      .optional(),
    text: captionSchema,
    ...replyFields,
  })
  .superRefine(checkSend)
  .superRefine(checkMediaSource('document_url'));

export const sendStickerBodySchema = z
  .object({ ...recipientFields, image_url: mediaUrlSchema.optional(), ...mediaSourceFields, ...replyFields })
  .superRefine(checkSend)
  .superRefine(checkMediaSource('image_url'));

export const queuedResultSchema = z.object({
  success: z.literal(true),
  messageId: z.string(),
  message: z.literal('Message queued successfully'),
});

export const messageMediaUrlResultSchema = z.object({
  success: z.literal(true),
  data: z.object({
    url: z.url().meta({ description: 'The signed download URL: fetch it at once rather than keep it.' }),
    expiresAt: z.iso.datetime().meta({ description: 'When the URL stops working.' }),
  }),
});

export const messageStatusSchema = z.enum(['pending', 'processing', 'completed', 'delivered', 'read', 'failed']);

export const queueStatusQuerySchema = z.object({ session: sessionIdSchema });
export const queueStatusResultSchema = z.object({
  session: z.string(),
  stats: z.object({ pending: z.number().int(), processing: z.number().int(), completed: z.number().int(), failed: z.number().int() }),
  /** The 50 most recent messages, newest first. */
  queue: z.array(
    z.object({
      messageId: z.string(),
      to: z.string(),
      type: z.enum(messageTypes),
      /** `delivered` and `read` come from WhatsApp receipts; they count as completed in `stats`. */
      status: messageStatusSchema,
      createdAt: z.iso.datetime(),
      failureReason: z.string().optional(),
    }),
  ),
});

export const messageListQuerySchema = z.object({
  session: sessionIdSchema,
  direction: z.enum(['in', 'out', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2048).optional().meta({ description: "The previous page's `nextCursor`." }),
});

export const messageStatusQuerySchema = z.object({ session: sessionIdSchema, messageId: z.string().min(1).max(64) });

/** What a media message is, received or sent; its bytes live in the media store. */
export const mediaDescriptionSchema = z.object({
  mimeType: z.string().optional(),
  fileName: z.string().optional(),
  size: z.number().int().optional(),
  sha256: z.string().optional(),
  seconds: z.number().optional(),
  voiceNote: z.boolean().optional(),
  stored: z.boolean().meta({
    description: 'Whether `GET /message/media` serves its bytes. Sent through the API: absent until the send completes.',
  }),
  unavailableReason: z.string().optional().meta({ description: 'Why its bytes could not be stored.' }),
});
export const locationSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().optional(),
  address: z.string().optional(),
});
export const contactCardSchema = z.object({ name: z.string(), vcard: z.string() });
export const reactionSchema = z.object({
  emoji: z.string(),
  targetWaMessageId: z.string(),
  targetMessageId: z.string().optional().meta({ description: 'Sent through the API: the messageId it reacts to.' }),
});
export const pollSchema = z.object({ question: z.string(), options: z.array(z.string()), selectableCount: z.number().int() });

/** One message as the list shows it; its content fields are there when it has them. */
export const listedMessageSchema = z.object({
  messageId: z.string(),
  direction: z.enum(['in', 'out']),
  origin: z.enum(['api', 'phone', 'contact']).meta({
    description: "Outbound: sent through the API (`api`) or typed on the account's own phone (`phone`). Inbound: `contact`.",
  }),
  from: z.string().nullable().meta({
    description:
      "Inbound: the sender's number (E.164 with +; in a group, the member), null when WhatsApp does not reveal it. Outbound: null, it is the session's own.",
  }),
  fromLid: z.string().optional().meta({ description: "Inbound: the sender's LID (`…@lid`), when WhatsApp addressed it by one." }),
  pushName: z.string().optional().meta({ description: 'Inbound: the name the sender gave themselves.' }),
  to: z.string().meta({
    description:
      "The group id for a group message. Otherwise digits (E.164 without +): outbound the recipient, inbound the session's own number.",
  }),
  isGroup: z.boolean(),
  type: z.enum(receivedMessageTypes),
  unsupportedType: z.string().optional().meta({ description: "`unsupported`: WhatsApp's name of the message type." }),
  text: z.string().optional(),
  caption: z.string().optional(),
  media: mediaDescriptionSchema
    .partial({ stored: true })
    .extend({
      url: z.string().optional().meta({ description: 'Sent through the API: the URL it was fetched from.' }),
      mediaId: z
        .string()
        .optional()
        .meta({ description: 'Sent through the API: the upload it was sent from (`media_base64` or `media_id`).' }),
    })
    .optional()
    .meta({ description: 'What the media is; its bytes are never in the listing.' }),
  location: locationSchema.optional(),
  contacts: z.array(contactCardSchema).optional(),
  reaction: reactionSchema.optional().meta({
    description:
      "`reaction`: received, a reaction to a message that is not the session's (reactions to its own messages are in their `reactions`); sent through the API, the reaction it sent.",
  }),
  poll: pollSchema.optional().meta({
    description:
      '`poll`, sent or received: its question, options and how many one voter may choose (0, as WhatsApp says it: any number). Votes are not read.',
  }),
  mentions: z.array(z.string()).optional().meta({ description: 'Sent through the API: the numbers it mentions.' }),
  change: z
    .object({ targetMessageId: z.string(), targetWaMessageId: z.string(), text: z.string().optional() })
    .optional()
    .meta({ description: '`edit` / `delete`, sent through the API: the message it edited (with its new `text`) or deleted for everyone.' }),
  reactions: z
    .array(z.object({ emoji: z.string(), from: z.string().nullable() }))
    .optional()
    .meta({
      description:
        "Who reacts to it now, one reaction each; `from` null for the account's own (made on its phone, or sent through the API).",
    }),
  quotedMessageId: z.string().optional().meta({ description: "The message it replies to, when that is one of the session's." }),
  quotedWaMessageId: z.string().optional().meta({ description: 'The WhatsApp id of the message it replies to.' }),
  status: messageStatusSchema.optional().meta({ description: 'Sent through the API only.' }),
  failureReason: z
    .string()
    .optional()
    .meta({ description: 'Sent through the API and `failed`: why ("recipient is not on WhatsApp", a media problem, a removed session).' }),
  sentAt: z.iso.datetime().optional().meta({ description: 'Received: when its sender sent it, by WhatsApp.' }),
  editedAt: z.iso.datetime().optional(),
  deletedAt: z.iso.datetime().optional().meta({ description: 'Deleted for everyone: its content is gone, its history stays.' }),
  createdAt: z.iso.datetime().meta({ description: 'When the service stored it: sent through the API, or received.' }),
});

export const messageListResultSchema = z.object({
  success: z.literal(true),
  data: z.array(listedMessageSchema),
  nextCursor: z.string().nullable().meta({ description: 'Pass it back as `cursor` for the next page; null after the last.' }),
});

export const historyEntrySchema = z.union([
  z.object({ status: messageStatusSchema, at: z.iso.datetime(), reason: z.string().optional() }),
  z.object({ event: z.enum(['received', 'edited', 'deleted']), at: z.iso.datetime(), text: z.string().optional() }),
  z.object({ event: z.literal('reacted'), at: z.iso.datetime(), emoji: z.string(), from: z.string().optional() }),
]);

export const messageStatusResultSchema = z.object({
  success: z.literal(true),
  data: listedMessageSchema.extend({
    history: z.array(historyEntrySchema).meta({
      description:
        "Oldest first: every status a message sent through the API reached (`failed` with its `reason`); when a received one was received; when either was edited (with the new `text`), deleted for everyone, or reacted to (`emoji`, empty when taken back; `from` the reactor, absent for the account's own phone).",
    }),
    attempts: z.number().int().optional().meta({ description: 'Outbound: how many times sending it was started.' }),
    waMessageId: z.string().meta({ description: 'The id WhatsApp knows it by.' }),
  }),
});
