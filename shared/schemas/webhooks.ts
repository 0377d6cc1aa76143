import { z } from 'zod';
import { subscribableEventTypes, type EventType } from '../webhooks/model.ts';
import { sessionIdSchema } from './sessions.ts';

export const webhookDescriptionMaxLength = 256;
/** How many endpoints one tenant may have. */
export const maxWebhooksPerTenant = 20;
/** `disabledReason` after `PATCH { "enabled": false }`. */
export const disabledByOwnerReason = 'disabled by its owner';

const subscribable = subscribableEventTypes as [EventType, ...EventType[]];

const eventTypeSchema = z.enum(subscribable, {
  error: (issue) => `unknown event type ${JSON.stringify(issue.input)} (the types are ${subscribable.join(', ')})`,
});

const eventListSchema = z
  .array(eventTypeSchema)
  .min(1, { error: 'must name at least one event type (leave it out for all of them)' })
  .refine((types) => new Set(types).size === types.length, { error: 'must not name a type twice' })
  .meta({ description: `The event types it receives: any of ${subscribable.map((type) => `\`${type}\``).join(', ')}.` });

/** Checked further by the service (scheme, address), which needs DNS: the schema only bounds it. */
const urlSchema = z.string().trim().min(1).max(2_048).meta({
  description:
    'Where events are POSTed: https, with a public address. A local stack (`npm start`) also takes http and loopback or private addresses; link-local and cloud metadata addresses are refused everywhere.',
});

const descriptionSchema = z
  .string()
  .trim()
  .min(1)
  .max(webhookDescriptionMaxLength)
  .refine((text) => text.isWellFormed(), { error: 'must be well-formed Unicode' })
  .meta({ description: `Your note about it, up to ${webhookDescriptionMaxLength} characters.` });

const sessionFilterSchema = sessionIdSchema.meta({
  description: "One of your sessions, by name: the endpoint then gets only that session's events.",
});

export const createWebhookBodySchema = z.object({
  url: urlSchema,
  events: eventListSchema.optional().meta({ description: 'The event types it receives; every type when left out.' }),
  session: sessionFilterSchema.optional(),
  description: descriptionSchema.optional(),
});

const changeableFields = ['url', 'events', 'session', 'description', 'enabled'] as const;

export const updateWebhookBodySchema = z
  .object({
    url: urlSchema.optional(),
    events: eventListSchema.optional(),
    session: sessionFilterSchema.nullable().optional().meta({ description: 'One of your sessions, by name; null for every session.' }),
    description: descriptionSchema.nullable().optional().meta({ description: 'Your note about it; null removes it.' }),
    enabled: z.boolean().optional().meta({
      description: '`true` turns a disabled endpoint on again (and forgets its failures); `false` turns it off ("disabled by its owner").',
    }),
  })
  .refine((change) => changeableFields.some((field) => change[field] !== undefined), {
    error: `give at least one of ${changeableFields.join(', ')}`,
  });

export const webhookParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .meta({ description: "The endpoint's id, as its creation answered it (`wh_…`).", example: 'wh_01K8NB2C3D4E5F6G7H8J9K0M1N' }),
});

const webhookIdSchema = z.string().meta({ description: '`wh_` and a ULID.' });
const secretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{43}=$/)
  .meta({
    description:
      'The signing secret, `whsec_` and the base64 of 32 random bytes, as Standard Webhooks libraries take it. Shown only when it is made: keep it.',
  });

/** An endpoint as the API shows it: never its secrets. */
export const webhookSchema = z
  .object({
    id: webhookIdSchema,
    url: z.string(),
    events: z.array(eventTypeSchema),
    session: z.string().nullable().meta({ description: 'The session it is limited to; null for all of them.' }),
    description: z.string().nullable(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().meta({
      description:
        'Why it is disabled: by its owner ("disabled by its owner"), a `410 Gone` answer, or every attempt failing for days; null while enabled.',
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Webhook' });

export type WebhookView = z.infer<typeof webhookSchema>;

export const createWebhookResultSchema = z.object({
  success: z.literal(true),
  data: webhookSchema.extend({ secret: secretSchema }),
});

export const webhookListResultSchema = z.object({
  success: z.literal(true),
  data: z.array(webhookSchema).meta({ description: 'Oldest first.' }),
});

export const webhookResultSchema = z.object({ success: z.literal(true), data: webhookSchema });

export const deleteWebhookResultSchema = z.object({ success: z.literal(true), message: z.literal('Webhook deleted') });

export const rotateWebhookSecretResultSchema = z.object({
  success: z.literal(true),
  data: z.object({
    id: webhookIdSchema,
    secret: secretSchema,
    previousSecretExpiresAt: z.iso.datetime().meta({
      description: 'Until then the previous secret signs too (a second signature in `webhook-signature`); any older one no longer does.',
    }),
  }),
});
