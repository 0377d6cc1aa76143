import makeWASocket, { type AuthenticationState, type WASocket } from '@whiskeysockets/baileys';
import { pino } from 'pino';

export interface SocketSettings {
  /** WhatsApp's websocket; undefined for the real one. */
  webSocketUrl?: string;
  logLevel: string;
  keepAliveIntervalMs: number;
}

/**
 * Baileys sockets configured for a gateway: no history sync (it would hold the first connect for
 * up to 20 s and is never used), not marked online (so the phone keeps its notifications).
 */
export function socketFactory(settings: SocketSettings): (auth: AuthenticationState) => WASocket {
  const waLogger = pino({ level: settings.logLevel, base: { component: 'baileys' } });
  return (auth) =>
    makeWASocket({
      auth,
      ...(settings.webSocketUrl ? { waWebSocketUrl: settings.webSocketUrl } : {}),
      logger: waLogger,
      browser: ['WhatsApp Hub', 'Chrome', '1.0.0'],
      keepAliveIntervalMs: settings.keepAliveIntervalMs,
      markOnlineOnConnect: false,
      shouldSyncHistoryMessage: () => false,
      syncFullHistory: false,
    });
}
