import { createdAt } from './example-times.ts';

/** The examples' one sent message: the reference's "Hello World!", which the listing, its status and events all show. */
export const sentText = {
  messageId: 'msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D',
  direction: 'out',
  origin: 'api',
  from: null,
  to: '6287654321',
  isGroup: false,
  type: 'text',
  text: 'Hello World!',
  status: 'read',
  createdAt,
} as const;

/** The WhatsApp id the sent message goes out under. */
export const sentTextWaId = '3EB001K8NA5Q0Z3W4X5Y6Z7A8B9C0D';
