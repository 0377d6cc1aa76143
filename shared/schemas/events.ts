import { z } from 'zod';
import { eventTypes, type EventType } from '../webhooks/model.ts';
import { messageStatusResultSchema } from './messages.ts';
import { sessionIdSchema } from './sessions.ts';

const eventIdSchema = z.string().min(1).max(64).meta({
  description: "The event's id (`evt_` and a ULID), the same on every delivery of it.",
  example: 'evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P',
});
const typeSchema = z.enum(eventTypes as unknown as [EventType, ...EventType[]]);
const cursorSchema = z.string().min(1).max(2048).optional().meta({ description: "The previous page's `nextCursor`." });

/** An event as it is POSTed to endpoints and listed. */
export const eventSchema = z
  .object({
    id: eventIdSchema,
    type: typeSchema,
    timestamp: z.iso.datetime().meta({ description: 'When it happened (the change was stored), not when it was delivered.' }),
    data: z.record(z.string(), z.unknown()).meta({
      description:
        '`message.received`: the message as `GET /message/status` shows it, with `session`. `message.status`: `messageId`, `session`, `to`, `isGroup`, `status`, `failureReason` (failed only) and `at`. ' +
        "`message.updated`: `session`, `messageId`, `direction`, `change` (`edited`, `deleted` or `reacted`), `at`, `text` (edited), `emoji` and `from` (reacted; `emoji` empty when taken back, `from` null for the account's own) and the `message` as `GET /message/status` shows it now. " +
        '`session.status`: `session`, `status`, `qr` and `pairingCode` (while linking), `lastError`. `webhook.test`: `webhookId` and a `message`.',
    }),
  })
  .meta({ id: 'Event' });

/** `message.updated`: one change WhatsApp made to a stored message after it was sent or received, and the message as it is now. */
export const messageUpdatedDataSchema = z.object({
  session: z.string().nullable(),
  messageId: z.string(),
  direction: z.enum(['in', 'out']),
  change: z.enum(['edited', 'deleted', 'reacted']),
  at: z.iso.datetime().meta({ description: "When it changed: the time of the step it added to the message's history." }),
  text: z.string().optional().meta({ description: '`edited`: the text or caption the edit left.' }),
  emoji: z.string().optional().meta({ description: '`reacted`: the emoji, empty when a reaction is taken back.' }),
  from: z
    .string()
    .nullable()
    .optional()
    .meta({ description: "`reacted`: the reactor's number; null for the account's own (its phone, or sent through the API)." }),
  message: messageStatusResultSchema.shape.data,
});

export const eventsQuerySchema = z.object({
  session: sessionIdSchema.optional().meta({ description: "Only this session's events." }),
  type: typeSchema.optional().meta({ description: 'Only events of this type.' }),
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'Events at or after this time (ISO 8601), oldest first; the oldest kept when left out.' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: cursorSchema,
});

export const eventsResultSchema = z.object({
  success: z.literal(true),
  data: z.array(eventSchema).meta({ description: 'Oldest first.' }),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: 'The next page; null when there is none yet (poll again later with it, or with `since`).' }),
});

export const testWebhookResultSchema = z.object({
  success: z.literal(true),
  data: z.object({
    eventId: eventIdSchema,
    delivered: z.boolean().meta({ description: 'Whether the endpoint answered 2xx in time.' }),
    statusCode: z.number().int().nullable().meta({ description: "The endpoint's HTTP status; null when it did not answer." }),
    error: z.string().nullable().meta({ description: 'Why no answer came (timed out, connection refused, …).' }),
    latencyMs: z.number().int(),
    responseBody: z.string().nullable().meta({ description: 'The start of its answer, a few KiB at most.' }),
  }),
});

export const webhookDeliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: cursorSchema,
});

const deliverySchema = z
  .object({
    attemptId: z.string(),
    eventId: z.string(),
    eventType: typeSchema,
    attempt: z.number().int().meta({ description: '1 for the first try; a redelivery starts again at 1.' }),
    at: z.iso.datetime(),
    outcome: z.enum(['delivered', 'failed']),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    latencyMs: z.number().int(),
    responseBody: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable().meta({ description: 'A failure: when it is tried again; null when it is not.' }),
  })
  .meta({ id: 'WebhookDelivery' });

export const webhookDeliveriesResultSchema = z.object({
  success: z.literal(true),
  data: z.array(deliverySchema).meta({ description: 'Newest first.' }),
  nextCursor: z.string().nullable(),
});

export const redeliverBodySchema = z.object({ eventId: eventIdSchema });

export const redeliverResultSchema = z.object({
  success: z.literal(true),
  data: z.object({ webhookId: z.string(), eventId: z.string() }),
  message: z.literal('Event queued for delivery'),
});
