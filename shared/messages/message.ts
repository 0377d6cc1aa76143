/** Lifecycle: pending → processing → completed → delivered → read, or failed with a reason. */
export type MessageStatus = 'pending' | 'processing' | 'completed' | 'delivered' | 'read' | 'failed';
export const messageTypes = ['text', 'image', 'document', 'sticker'] as const;
export type MessageType = (typeof messageTypes)[number];

/** The seed's four counters; delivered and read messages count as completed. */
export type StatsCounter = 'pending' | 'processing' | 'completed' | 'failed';

export interface Message {
  messageId: string;
  sessionId: string;
  userId: number;
  shard: number;
  type: MessageType;
  /** Digits of the recipient (E.164 without +), or a group id. */
  to: string;
  /** The WhatsApp address: `<digits>@s.whatsapp.net` or `<id>@g.us`. */
  jid: string;
  isGroup: boolean;
  text?: string;
  mediaUrl?: string;
  documentName?: string;
  status: MessageStatus;
  failureReason?: string;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  deliveredAt?: string;
  readAt?: string;
}
