import { recordMedia } from '../../../shared/messages/received.ts';
import { parseInbound } from '../../inbound/parse.ts';
import { receive } from '../../inbound/receive.ts';
import { inboundWrite } from '../../inbound/writes.ts';
import { saveInboundMedia } from '../../media/inbound-media.ts';
import type { Sink } from '../session-events.ts';

/**
 * Stores a message of one of the account's chats, delivered live (`notify`) or from the backlog
 * WhatsApp kept while no connector held the session (`append`), once per WhatsApp id. The message
 * is durable before its media is fetched: the media's outcome is recorded on it afterwards.
 */
export const messageSink: Sink<'message'> = async ({ message }, context) => {
  const inbound = parseInbound(message);
  if (!inbound) return;
  const { sessionId } = context;
  const stored = await inboundWrite(sessionId, inbound.waMessageId, 'a received message', () => receive(inbound, context));
  if (!stored?.media) return;
  const { messageId } = stored;
  const outcome = await saveInboundMedia(message, { sessionId, messageId });
  await inboundWrite(sessionId, inbound.waMessageId, "a received message's media outcome", () =>
    recordMedia(stored, outcome.stored ? outcome : { stored: false, unavailableReason: outcome.reason }),
  );
};
