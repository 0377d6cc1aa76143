import type { RouteName } from '../routes.ts';
import { sentText, sentTextWaId } from './example-message.ts';
import { at, createdAt } from './example-times.ts';
import { mediaUploadExamples } from './media-examples.ts';
import { sampleDocument, samplePhoto, sampleVideo, sampleVoiceNote } from './sample-media.ts';
import { webhookExamples } from './webhook-examples.ts';

export interface OperationExample {
  /** The request body. */
  request?: unknown;
  /** What `request` shows, its name in Swagger UI's list of examples when the route has alternatives. */
  summary?: string;
  /** Other request bodies the route takes, by name, listed after `request`. */
  alternatives?: Record<string, { summary: string; request: unknown }>;
  /** The success answer: 200, or 201 for a route that creates. */
  response?: unknown;
}

const user = { id: 1, email: 'user@example.com', role: 'user', apiKey: 'abc123...', createdAt };
const session = {
  sessionId: '62812345678',
  phoneNumber: '+62812345678',
  status: 'connected',
  userId: 1,
  createdAt,
  updatedAt: '2025-10-28T01:05:00.000Z',
};
const credentials = { email: 'user@example.com', password: 'SecurePass123' };
const queued = { success: true, messageId: 'msg_123456', message: 'Message queued successfully' };
const signedIn = { success: true, data: { user, token: 'eyJhbGciOiJIUzI1NiIs...', refreshToken: 'whr_abc123...' } };

/**
 * The API reference's examples, for the operations it documents. Where this API answers more than
 * the reference shows (the refresh token, the health checks), the example has it too, so that every
 * example matches its route's schema (a test checks). Operations the reference lacks have examples of
 * the same kind. Every send works as it stands against `npm run start:sim`, offline: media the
 * reference sends by URL has an alternative by `media_base64`, and the kinds it lacks send tiny real
 * files (sample-media.ts).
 */
export const seedExamples: Partial<Record<RouteName, OperationExample>> = {
  health: {
    response: {
      status: 'ok',
      timestamp: createdAt,
      uptime: 3600,
      memory: { rss: 123456789, heapTotal: 67108864, heapUsed: 33554432, external: 1234567 },
      version: 'v20.0.0',
      checks: { dynamodb: { status: 'ok', latencyMs: 16 }, sqs: { status: 'ok', latencyMs: 5 }, s3: { status: 'ok', latencyMs: 6 } },
    },
  },
  register: { request: { ...credentials, role: 'user' }, response: signedIn },
  login: { request: credentials, response: signedIn },
  me: { response: { success: true, data: user } },
  regenerateApiKey: { response: { success: true, data: { apiKey: 'new_api_key_123...' } } },
  getProfile: { response: { success: true, data: { ...user, updatedAt: createdAt } } },
  updateProfile: {
    request: { email: 'newemail@example.com', password: 'NewPassword123', currentPassword: 'SecurePass123' },
    response: {
      success: true,
      data: { id: 1, email: 'newemail@example.com', role: 'user', apiKey: 'abc123...', updatedAt: '2025-10-28T02:00:00.000Z' },
    },
  },
  accounts: { response: { success: true, data: [session] } },
  adminUsers: {
    response: {
      success: true,
      data: [{ id: 1, email: 'user@example.com', role: 'user', createdAt, updatedAt: createdAt }],
      nextCursor: null,
    },
  },
  startSession: { request: { session: '62812345678', phoneNumber: '+62812345678' }, response: { qr: '2@abc123...' } },
  listSessions: { response: { data: [session] } },
  sessionStatus: {
    response: {
      data: {
        sessionId: '62812345678',
        phoneNumber: '+62812345678',
        status: 'connected',
        isConnected: true,
        lastUpdated: session.updatedAt,
        createdAt,
      },
    },
  },
  logoutSession: { request: { session: '62812345678' }, response: { data: 'success' } },
  checkPhone: { request: { phoneNumber: '+62812345678' }, response: { hasActiveSession: false } },
  cleanupSessions: { response: { data: { message: 'Cleaned up 5 inactive sessions', cleanedCount: 5 } } },
  sendText: { request: { session: '62812345678', to: '6287654321', text: 'Hello World!', is_group: false }, response: queued },
  sendImage: {
    request: {
      session: '62812345678',
      to: '6287654321',
      text: 'Check this out!',
      image_url: 'https://example.com/image.jpg',
      is_group: false,
    },
    summary: 'By image_url, fetched by the service',
    alternatives: {
      base64: {
        summary: 'By media_base64: a 64×64 photo',
        request: { session: '62812345678', to: '6287654321', text: 'Check this out!', ...samplePhoto, is_group: false },
      },
    },
    response: queued,
  },
  sendDocument: {
    request: {
      session: '62812345678',
      to: '6287654321',
      text: "Here's the document",
      document_url: 'https://example.com/document.pdf',
      document_name: 'document.pdf',
      is_group: false,
    },
    summary: 'By document_url, fetched by the service',
    alternatives: {
      base64: {
        summary: 'By media_base64: a one-page PDF',
        request: {
          session: '62812345678',
          to: '6287654321',
          text: "Here's the document",
          ...sampleDocument,
          document_name: 'document.pdf',
          is_group: false,
        },
      },
    },
    response: queued,
  },
  sendSticker: {
    request: { session: '62812345678', to: '6287654321', image_url: 'https://example.com/sticker.webp', is_group: false },
    summary: 'By image_url, fetched by the service',
    alternatives: {
      base64: {
        summary: 'By media_base64: a 64×64 photo, made a 512×512 WebP sticker',
        request: { session: '62812345678', to: '6287654321', ...samplePhoto, is_group: false },
      },
    },
    response: queued,
  },
  sendLocation: {
    request: {
      session: '62812345678',
      to: '6287654321',
      latitude: -6.2088,
      longitude: 106.8456,
      name: 'Monas',
      address: 'Gambir, Central Jakarta',
    },
    response: queued,
  },
  sendVideo: {
    request: {
      session: '62812345678',
      to: '6287654321',
      text: 'Watch this',
      ...sampleVideo,
      gif_playback: false,
      is_group: false,
    },
    response: queued,
  },
  sendContact: {
    request: { session: '62812345678', to: '6287654321', contacts: [{ name: 'John Doe', phone: '6281234567890' }], is_group: false },
    response: queued,
  },
  sendPoll: {
    request: {
      session: '62812345678',
      to: '6287654321',
      question: 'Lunch on Friday?',
      options: ['Nasi goreng', 'Sate', 'Bakso'],
      selectable_count: 1,
      is_group: false,
    },
    response: queued,
  },
  sendReaction: { request: { session: '62812345678', message_id: sentText.messageId, emoji: '👍' }, response: queued },
  editMessage: {
    request: { session: '62812345678', message_id: sentText.messageId, text: 'See you at 8, not 7' },
    response: queued,
  },
  deleteMessage: { request: { session: '62812345678', message_id: sentText.messageId }, response: queued },
  sendAudio: {
    request: { session: '62812345678', to: '6287654321', ...sampleVoiceNote, ptt: true, is_group: false },
    response: queued,
  },
  queueStatus: {
    response: {
      session: '62812345678',
      stats: { pending: 5, processing: 1, completed: 100, failed: 2 },
      queue: [{ messageId: 'msg_123', to: '6287654321', type: 'text', status: 'pending', createdAt }],
    },
  },
  listMessages: {
    response: {
      success: true,
      data: [
        {
          messageId: 'msg_01K8NA9R4S5T6V7W8X9Y0Z1A2B',
          direction: 'in',
          origin: 'contact',
          from: '+6287654321',
          fromLid: '123456789012345@lid',
          pushName: 'John Doe',
          to: '62812345678',
          isGroup: false,
          type: 'text',
          text: 'Thanks, got it!',
          quotedMessageId: 'msg_01K8NA7D2E3F4G5H6J7K8M9N0P',
          quotedWaMessageId: '3EB001K8NA7D2E3F4G5H6J7K8M9N0P',
          sentAt: at(119),
          createdAt: at(120),
        },
        {
          messageId: 'msg_01K8NA7D2E3F4G5H6J7K8M9N0P',
          direction: 'out',
          origin: 'api',
          from: null,
          to: '6287654321',
          isGroup: false,
          type: 'image',
          caption: 'Check this out!',
          media: { url: 'https://example.com/image.jpg' },
          status: 'failed',
          createdAt: at(60),
        },
        sentText,
      ],
      nextCursor: 'eyJwayI6Ik1TRyNtc2dfMDFLOE5BNVEw...',
    },
  },
  messageStatus: {
    response: {
      success: true,
      data: {
        ...sentText,
        history: [
          { status: 'pending', at: createdAt },
          { status: 'processing', at: at(1) },
          { status: 'completed', at: at(2) },
          { status: 'delivered', at: at(3) },
          { status: 'read', at: at(40) },
        ],
        attempts: 1,
        waMessageId: sentTextWaId,
      },
    },
  },
  ...webhookExamples,
  ...mediaUploadExamples,
  contactProfile: {
    request: { session: '62812345678', target: '6287654321@s.whatsapp.net' },
    response: { data: { name: 'John Doe', about: 'Available', profilePicUrl: 'https://...', phoneNumber: '+6287654321' } },
  },
};
