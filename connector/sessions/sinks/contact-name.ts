import { logger } from '../../../shared/logger.ts';
import type { Sink } from '../session-events.ts';

/** Logged only for now: the inbound-messages work stores them. */
export const contactNameSink: Sink<'contact-name'> = async ({ jid, lid, phoneJid }, { sessionId }) => {
  logger().debug('Contact name learned', { sessionId, jid, lid, phoneJid });
};
