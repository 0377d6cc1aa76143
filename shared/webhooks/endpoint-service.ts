/** The rules a tenant's endpoints follow, whatever stores them: who sees what, what is valid, what a change means. */
import type { Caller } from '../auth/authenticate.ts';
import { config } from '../config.ts';
import { conflicted, epochSeconds, retryConflicts } from '../db.ts';
import { InvalidInput, NotFound, Unavailable } from '../errors.ts';
import { newWebhookId } from '../ids.ts';
import { senderSession } from '../messages/service.ts';
import { checkWebhookUrl } from '../net/webhook-url.ts';
import { disabledByOwnerReason, maxWebhooksPerTenant, type WebhookView } from '../schemas/webhooks.ts';
import * as endpoints from './endpoints.ts';
import { subscribableEventTypes, type EventType, type WebhookEndpoint } from './model.ts';
import { generateSigningSecret, sealSigningSecret } from './secrets.ts';

export const webhookNotFoundMessage = 'Webhook not found';

export interface WebhookInput {
  url: string;
  events?: EventType[];
  session?: string;
  description?: string;
}

export interface WebhookUpdate {
  url?: string;
  events?: EventType[];
  session?: string | null;
  description?: string | null;
  enabled?: boolean;
}

/** A new endpoint, with its signing secret: the only answer but a rotation's that shows one. */
export async function createEndpoint(caller: Caller, input: WebhookInput): Promise<WebhookView & { secret: string }> {
  const url = await vettedUrl(input.url);
  if (input.session !== undefined) await senderSession(caller, input.session, { allowEnded: true });
  const now = new Date().toISOString();
  const secret = generateSigningSecret();
  const endpoint: WebhookEndpoint = {
    webhookId: newWebhookId(),
    userId: caller.userId,
    url,
    events: input.events ?? [...subscribableEventTypes],
    session: input.session,
    description: input.description,
    enabled: true,
    secrets: [await sealSigningSecret(secret, now)],
    createdAt: now,
    updatedAt: now,
  };
  if (!(await endpoints.createWebhook(endpoint, maxWebhooksPerTenant))) {
    throw new InvalidInput(`You have ${maxWebhooksPerTenant} webhooks, the most allowed: delete one before adding another`);
  }
  return { ...toWebhookView(endpoint), secret };
}

export async function listEndpoints(caller: Caller): Promise<WebhookView[]> {
  return (await endpoints.listWebhooks(caller.userId)).map(toWebhookView);
}

export async function getEndpoint(caller: Caller, webhookId: string): Promise<WebhookView> {
  return toWebhookView(await ownEndpoint(caller, webhookId));
}

/**
 * Applies the fields given, validated as on creation. `enabled: true` also forgets why it was
 * disabled and since when it was failing, so deliveries start afresh; `null` removes a filter or note.
 */
export async function updateEndpoint(caller: Caller, webhookId: string, update: WebhookUpdate): Promise<WebhookView> {
  await ownEndpoint(caller, webhookId);
  const url = update.url === undefined ? undefined : await vettedUrl(update.url);
  if (typeof update.session === 'string') await senderSession(caller, update.session, { allowEnded: true });
  const change: endpoints.WebhookChange = {
    set: {
      updatedAt: new Date().toISOString(),
      url,
      events: update.events,
      session: update.session ?? undefined,
      description: update.description ?? undefined,
      ...(update.enabled === true ? { enabled: true } : {}),
      ...(update.enabled === false ? { enabled: false, disabledReason: disabledByOwnerReason } : {}),
    },
    remove: [
      ...(update.session === null ? (['session'] as const) : []),
      ...(update.description === null ? (['description'] as const) : []),
      ...(update.enabled === true ? (['disabledReason', 'failingSince'] as const) : []),
    ],
  };
  const updated = await endpoints.updateWebhook(caller.userId, webhookId, change);
  if (!updated) throw new NotFound(webhookNotFoundMessage);
  return toWebhookView(updated);
}

export async function deleteEndpoint(caller: Caller, webhookId: string): Promise<void> {
  if (!(await endpoints.deleteWebhook(caller.userId, webhookId))) throw new NotFound(webhookNotFoundMessage);
}

/**
 * A new secret signs from now; the one it replaces keeps signing for WEBHOOK_SECRET_OVERLAP_SECONDS,
 * so receivers can switch without missing a delivery; any older one stops at once (two at most).
 */
export async function rotateSecret(caller: Caller, webhookId: string) {
  const secret = generateSigningSecret();
  const rotated = await retryConflicts(async () => {
    const current = await ownEndpoint(caller, webhookId);
    const now = new Date();
    const previousExpiresAt = epochSeconds(now) + config().WEBHOOK_SECRET_OVERLAP_SECONDS;
    const [previous] = current.secrets;
    const secrets = [
      await sealSigningSecret(secret, now.toISOString()),
      ...(previous ? [{ ...previous, expiresAt: previousExpiresAt }] : []),
    ];
    return (await endpoints.replaceSecrets(current, secrets, now.toISOString())) ? previousExpiresAt : conflicted;
  }, 5);
  if (rotated === conflicted) throw new Unavailable('The secret was rotated concurrently too often; try again');
  return { id: webhookId, secret, previousSecretExpiresAt: new Date(rotated * 1_000).toISOString() };
}

/** What the API shows of an endpoint: never a secret, absent fields as null. */
export function toWebhookView(endpoint: WebhookEndpoint): WebhookView {
  const { webhookId, url, events, session, description, enabled, disabledReason, createdAt, updatedAt } = endpoint;
  return {
    id: webhookId,
    url,
    events,
    session: session ?? null,
    description: description ?? null,
    enabled,
    disabledReason: disabledReason ?? null,
    createdAt,
    updatedAt,
  };
}

/** One of the caller's endpoints; another tenant's is not found. */
export async function ownEndpoint(caller: Caller, webhookId: string): Promise<WebhookEndpoint> {
  const endpoint = await endpoints.getWebhook(caller.userId, webhookId);
  if (!endpoint) throw new NotFound(webhookNotFoundMessage);
  return endpoint;
}

/** The URL as stored (normalized), or a 400 saying what is wrong with it. */
async function vettedUrl(value: string): Promise<string> {
  const checked = await checkWebhookUrl(value, { allowPrivate: config().WEBHOOK_ALLOW_PRIVATE_URLS });
  if (!checked.ok) throw new InvalidInput(`url ${checked.problem}`);
  return checked.url.href;
}
