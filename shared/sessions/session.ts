import type { SessionStatus } from '../schemas/sessions.ts';

/** A linked (or linking) WhatsApp number of one tenant. */
export interface Session {
  /**
   * Internal and never reused (`ses_<ULID>`): queue group, shard, auth state, rate limits, counters,
   * messages and receipts are keyed by it, so nothing of one session can reach another that later
   * takes its name.
   */
  sessionId: string;
  /** Chosen by the tenant and unique among its sessions; the API shows it as `sessionId`. */
  name: string;
  userId: number;
  /** E.164, as the owner declared it. */
  phoneNumber: string;
  shard: number;
  status: SessionStatus;
  method: 'qr' | 'code';
  /** The latest QR string while linking by QR; rotates every 20-60 s. */
  qr?: string;
  qrUpdatedAt?: string;
  pairingCode?: string;
  pairingCodeUpdatedAt?: string;
  /** Why it failed, stopped or was logged out. */
  lastError?: string;
  /** The WhatsApp account that linked (`<digits>:<device>@s.whatsapp.net`). */
  linkedJid?: string;
  startRequestedAt?: string;
  /** The shard-lease fencing token of the last connector write; older holders cannot write. */
  fence?: number;
  createdAt: string;
  updatedAt: string;
}

/** Statuses in which the connector keeps (or should regain) the socket. */
export const liveStatuses: readonly SessionStatus[] = ['connected', 'reconnecting'];
/** Statuses in which nobody is linked or linking. */
export const endedStatuses: readonly SessionStatus[] = ['logged_out', 'failed', 'stopped'];
