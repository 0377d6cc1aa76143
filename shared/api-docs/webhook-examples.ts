import type { RouteName } from '../routes.ts';
import { sentText, sentTextWaId } from './example-message.ts';
import { at, createdAt } from './example-times.ts';
import type { OperationExample } from './examples.ts';

const webhook = {
  id: 'wh_01K8NB2C3D4E5F6G7H8J9K0M1N',
  url: 'https://example.com/whatsapp-events',
  events: ['message.received', 'message.status', 'message.updated', 'session.status'],
  session: null,
  description: 'Order updates',
  enabled: true,
  disabledReason: null,
  createdAt,
  updatedAt: createdAt,
};
const webhookSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8bCyQwvGBWY=';

/** Examples of the webhook and event routes, which the API reference does not document. */
export const webhookExamples: Partial<Record<RouteName, OperationExample>> = {
  createWebhook: {
    request: { url: webhook.url, description: webhook.description },
    response: { success: true, data: { ...webhook, secret: webhookSecret } },
  },
  listWebhooks: {
    response: {
      success: true,
      data: [
        webhook,
        {
          ...webhook,
          id: 'wh_01K8NC7P8Q9R0S1T2V3W4X5Y6Z',
          url: 'https://example.com/sales-inbox',
          events: ['message.received'],
          session: '62812345678',
          description: null,
          enabled: false,
          disabledReason: 'disabled by its owner',
          createdAt: at(600),
          updatedAt: at(900),
        },
      ],
    },
  },
  getWebhook: { response: { success: true, data: webhook } },
  updateWebhook: {
    request: { events: ['message.status'], session: '62812345678' },
    response: { success: true, data: { ...webhook, events: ['message.status'], session: '62812345678', updatedAt: at(3_600) } },
  },
  deleteWebhook: { response: { success: true, message: 'Webhook deleted' } },
  rotateWebhookSecret: {
    response: {
      success: true,
      data: { id: webhook.id, secret: 'whsec_Cq2hN1c0v2uWk9XQJ5bUe3f8yq6kB7o0uR4m1T9zL2E=', previousSecretExpiresAt: at(86_400) },
    },
  },
  testWebhook: {
    response: {
      success: true,
      data: {
        eventId: 'evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P',
        delivered: true,
        statusCode: 200,
        error: null,
        latencyMs: 184,
        responseBody: 'ok',
      },
    },
  },
  webhookDeliveries: {
    response: {
      success: true,
      data: [
        {
          attemptId: 'att_01K8NB7A8S9D0F1G2H3J4K5N6M',
          eventId: 'evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P',
          eventType: 'message.status',
          attempt: 2,
          at: at(310),
          outcome: 'delivered',
          statusCode: 200,
          error: null,
          latencyMs: 96,
          responseBody: 'ok',
          nextAttemptAt: null,
        },
        {
          attemptId: 'att_01K8NB6R9T0Y1V2J3K4P5A6S7D',
          eventId: 'evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P',
          eventType: 'message.status',
          attempt: 1,
          at: at(5),
          outcome: 'failed',
          statusCode: 503,
          error: null,
          latencyMs: 41,
          responseBody: 'Service Unavailable',
          nextAttemptAt: at(305),
        },
      ],
      nextCursor: null,
    },
  },
  redeliverWebhookEvent: {
    request: { eventId: 'evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P' },
    response: {
      success: true,
      data: { webhookId: webhook.id, eventId: 'evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P' },
      message: 'Event queued for delivery',
    },
  },
  listEvents: {
    response: {
      success: true,
      data: [
        {
          id: 'evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P',
          type: 'message.status',
          timestamp: at(4),
          data: {
            messageId: sentText.messageId,
            session: '62812345678',
            to: '6287654321',
            isGroup: false,
            status: 'completed',
            at: at(4),
          },
        },
        {
          id: 'evt_01K8NB7H3J4K5M6N7P8Q9R0S1T',
          type: 'message.updated',
          timestamp: at(50),
          data: {
            session: '62812345678',
            messageId: sentText.messageId,
            direction: 'out',
            change: 'reacted',
            at: at(50),
            emoji: '❤️',
            from: '+6287654321',
            message: {
              ...sentText,
              reactions: [{ emoji: '❤️', from: '+6287654321' }],
              history: [
                { status: 'pending', at: createdAt },
                { status: 'completed', at: at(2) },
                { status: 'read', at: at(40) },
                { event: 'reacted', at: at(50), emoji: '❤️', from: '+6287654321' },
              ],
              attempts: 1,
              waMessageId: sentTextWaId,
            },
          },
        },
        {
          id: 'evt_01K8NB9V1B2N3M4Q5W6E7R8T9Y',
          type: 'session.status',
          timestamp: at(60),
          data: { session: '62812345678', status: 'reconnecting', qr: null, pairingCode: null, lastError: 'connection lost' },
        },
      ],
      nextCursor: null,
    },
  },
};
