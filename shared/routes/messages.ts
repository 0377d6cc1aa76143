import { z } from 'zod';
import { mediaSendRoute, mediaSources } from './media-sources.ts';
import { defineRoute, type RouteResponse, type RouteTag } from '../http/route.ts';
import { describeSize, MEDIA_MAX_BYTES, STICKER_MAX_BYTES } from '../messages/media-limits.ts';
import { idempotencyKeyPattern, idempotencyLifetimeSeconds } from '../messages/idempotency-key.ts';
import {
  captionMaxLength,
  messageListQuerySchema,
  messageListResultSchema,
  messageMediaUrlResultSchema,
  messageStatusQuerySchema,
  messageStatusResultSchema,
  queuedResultSchema,
  queueStatusQuerySchema,
  queueStatusResultSchema,
  sendDocumentBodySchema,
  sendImageBodySchema,
  sendStickerBodySchema,
  sendTextBodySchema,
  sendTextQuerySchema,
  textMaxLength,
} from '../schemas/messages.ts';
import { defaultSetting, errors } from './responses.ts';

export const messagesTag: RouteTag = {
  name: 'Messages',
  description:
    "Send text, images, documents, stickers, video, audio, locations, contacts, polls and reactions through a linked session, queued, rate-limited and paced; list them and follow each one's whole story.",
};

export const count = (value: number) => value.toLocaleString('en-US');
const idempotencyHours = idempotencyLifetimeSeconds / 3_600;

/** Every send route reads it. */
export const idempotencyHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .regex(idempotencyKeyPattern)
    .optional()
    .meta({
      description: `Makes a retry safe: the same key with the same request within ${idempotencyHours} h answers the first message's id and sends nothing; with another request, 409. 1 to 255 printable ASCII characters, no spaces.`,
    }),
});

/** What the deprecated GET's 200 carries: RFC 9745 `Deprecation`, RFC 8594 `Sunset`, RFC 8288 `Link`. */
const deprecationHeaders = z.object({
  Deprecation: z.string().meta({ description: 'Since when the route is deprecated: `@` and seconds since the epoch.' }),
  Sunset: z.string().meta({ description: 'When the route is removed (with v2.0), as an HTTP date.' }),
  Link: z.string().meta({ description: 'The route that replaces it, as `rel="successor-version"`.' }),
});

const mediaRedirectHeaders = z.object({
  Location: z.url().meta({
    description: 'The signed download URL; it expires, so fetch it at once rather than keep it.',
    example:
      'https://whatsapp-hub-media.s3.us-east-1.amazonaws.com/media/ses_01K8N.../msg_01K8N...?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=...',
  }),
});

export const sendResponses: Record<number, RouteResponse> = {
  200: { description: 'Queued', schema: queuedResultSchema },
  ...errors(400, 401, 404, 409, 413, 429, 500, 503),
};

/** What every send but a reaction takes: a reply and mentions. */
const replyNote =
  ' Optional `reply_to` (a stored messageId of this session, sent or received; 404 "Message not found" otherwise) sends it as a reply quoting that message; optional `mentions` (numbers, groups only) mentions them: put `@` and each number in the text for WhatsApp to show it.';

/** What every send route shares: queued, limited, paced, tracked. */
export function sendDescription(specific: string, options: { toItsChat?: boolean } = {}): string {
  const limits = `${defaultSetting('RATE_LIMIT_PER_MINUTE')} in any 60 s and ${defaultSetting('RATE_LIMIT_PER_HOUR')} in any hour per session, ${defaultSetting('RATE_LIMIT_PER_RECIPIENT_PER_HOUR')} in any hour per recipient`;
  return `${specific} The message is queued and sent paced; follow it with GET /message/status or GET /message/queue-status. Limits, as sliding windows: ${limits} by default (settings RATE_LIMIT_*; 429 with Retry-After). 503 when the message could not be queued (it is failed, never sent).${options.toItsChat ? '' : ' `is_group: true` sends to a group id.'} An optional Idempotency-Key header makes retries safe for ${idempotencyHours} h.${options.toItsChat ? '' : replyNote}`;
}

export const messageRoutes = {
  sendText: defineRoute({
    method: 'POST',
    path: '/message/send-text',
    auth: 'apiKey',
    handler: 'message/send-text',
    access: ['table:readWrite', 'sendQueues:send'],
    summary: 'Send a text message',
    description: sendDescription(`Text up to ${count(textMaxLength)} characters.`),
    tag: messagesTag.name,
    body: sendTextBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
  sendTextDeprecated: defineRoute({
    method: 'GET',
    path: '/message/send-text',
    auth: 'apiKey',
    handler: 'message/send-text-deprecated',
    access: ['table:readWrite', 'sendQueues:send'],
    summary: 'Send a text message (deprecated: use POST, removed in v2.0)',
    description: `The same as POST with \`session\`, \`to\`, \`text\` and \`is_group\` in the query. \`text\` must fit in the URL: its limit (see the parameter) counts URL-encoded bytes; POST takes up to ${count(textMaxLength)} characters. A 200 carries \`Deprecation\`, \`Sunset\` and a \`Link\` to the POST.`,
    tag: messagesTag.name,
    deprecated: true,
    query: sendTextQuerySchema,
    headers: idempotencyHeaders,
    // It takes no reply_to, so nothing is not found.
    responses: {
      ...Object.fromEntries(Object.entries(sendResponses).filter(([status]) => status !== '404')),
      200: { ...sendResponses[200]!, headers: deprecationHeaders },
    },
  }),
  sendImage: defineRoute({
    method: 'POST',
    path: '/message/send-image',
    auth: 'apiKey',
    handler: 'message/send-image',
    ...mediaSendRoute,
    summary: 'Send an image, with an optional caption',
    description: sendDescription(
      `\`image_url\`: http(s), public, JPEG/PNG/WebP/GIF up to ${describeSize(MEDIA_MAX_BYTES.image)}; \`text\`: caption up to ${count(captionMaxLength)} characters. ${mediaSources('image_url')}`,
    ),
    tag: messagesTag.name,
    body: sendImageBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
  sendDocument: defineRoute({
    method: 'POST',
    path: '/message/send-document',
    auth: 'apiKey',
    handler: 'message/send-document',
    ...mediaSendRoute,
    summary: 'Send a document',
    description: sendDescription(
      `\`document_url\`: http(s), public, up to ${describeSize(MEDIA_MAX_BYTES.document)}; \`document_name\`: the file name shown; \`text\`: caption up to ${count(captionMaxLength)} characters. ${mediaSources('document_url')}`,
    ),
    tag: messagesTag.name,
    body: sendDocumentBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
  sendSticker: defineRoute({
    method: 'POST',
    path: '/message/send-sticker',
    auth: 'apiKey',
    handler: 'message/send-sticker',
    ...mediaSendRoute,
    summary: 'Send a sticker',
    description: sendDescription(
      `\`image_url\`: an image up to ${describeSize(MEDIA_MAX_BYTES.sticker)}; one that is not a 512×512 WebP is converted to one (contained, on a transparent background), which must fit WhatsApp's ${describeSize(STICKER_MAX_BYTES.static)} (${describeSize(STICKER_MAX_BYTES.animated)} animated). ${mediaSources('image_url')}`,
    ),
    tag: messagesTag.name,
    body: sendStickerBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
  queueStatus: defineRoute({
    method: 'GET',
    path: '/message/queue-status',
    auth: 'apiKey',
    handler: 'message/queue-status',
    access: ['table:read'],
    summary: 'Get the message queue status of a session',
    tag: messagesTag.name,
    query: queueStatusQuerySchema,
    responses: {
      200: { description: 'Counters and the 50 most recent messages', schema: queueStatusResultSchema },
      ...errors(400, 401, 500),
    },
  }),
  listMessages: defineRoute({
    method: 'GET',
    path: '/message/list',
    auth: 'apiKey',
    handler: 'message/list',
    access: ['table:read'],
    summary: "List a session's messages",
    description:
      'Newest first, `limit` (1-100, default 50) a page: pass `nextCursor` back as `cursor` for the next page, until it is null. ' +
      "`direction` keeps only received (`in`) or sent (`out`) messages. Only this session's, never those of an earlier session of the same name. " +
      'Outbound messages have `status` and `from: null` (the session itself). 400 "Invalid cursor" for a cursor not of this listing.',
    tag: messagesTag.name,
    query: messageListQuerySchema,
    responses: { 200: { description: 'A page of messages', schema: messageListResultSchema }, ...errors(400, 401, 500) },
  }),
  messageStatus: defineRoute({
    method: 'GET',
    path: '/message/status',
    auth: 'apiKey',
    handler: 'message/status',
    access: ['table:read'],
    summary: 'Get one message with its whole story',
    description:
      'The message as listed, with its `history`: every status an outbound message passed and when (`failed` with its `reason`), ' +
      'its `attempts` and the WhatsApp message id. 404 "Message not found" for an unknown id or a message of another session.',
    tag: messagesTag.name,
    query: messageStatusQuerySchema,
    responses: { 200: { description: 'The message and its history', schema: messageStatusResultSchema }, ...errors(400, 401, 404, 500) },
  }),
  messageMedia: defineRoute({
    method: 'GET',
    path: '/message/media',
    auth: 'apiKey',
    handler: 'message/media',
    access: ['table:read', 'media:read'],
    summary: "Download a message's media",
    description:
      `The image, video, audio, voice note, document or sticker a contact sent, or the media the service fetched for a message sent through the API, as a redirect (302) to a signed download URL valid ${defaultSetting('MEDIA_URL_TTL_SECONDS')} s by default (setting MEDIA_URL_TTL_SECONDS): follow it, e.g. \`curl -L\`. ` +
      "With `Accept: application/json` it answers 200 with that URL and when it expires instead: a web page then shows the URL itself (an `<img src>`), as a browser may refuse to follow a redirect to another origin with the request's API key. " +
      `The bytes are the ones sent on WhatsApp; their SHA-256 is the message's \`media.sha256\`. Media is kept ${defaultSetting('INBOUND_RETENTION_DAYS')} days (setting INBOUND_RETENTION_DAYS): as long as a received message, and from its send for a sent one. ` +
      `Received media over ${describeSize(defaultSetting('INBOUND_MEDIA_MAX_BYTES'))} (setting INBOUND_MEDIA_MAX_BYTES), or that could not be downloaded, is not stored: the message shows \`media.stored: false\` and \`media.unavailableReason\`. ` +
      '404 "Message not found" for an unknown id or a message of another session; 404 "No media for this message" when none is stored, or it has expired.',
    tag: messagesTag.name,
    query: messageStatusQuerySchema,
    // No Accept parameter: OpenAPI ignores one; the 200's two content types say it.
    responses: {
      200: {
        description:
          'With `Accept: application/json`, the signed URL and when it expires; otherwise the media bytes, once the redirect is followed',
        schema: messageMediaUrlResultSchema,
        alsoContentType: '*/*',
      },
      302: { description: 'To a short-lived signed URL of the media', headers: mediaRedirectHeaders },
      ...errors(400, 401, 404, 500),
    },
  }),
};
