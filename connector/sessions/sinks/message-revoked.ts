import { receiveRevoke } from '../../inbound/receive.ts';
import { inboundWrite } from '../../inbound/writes.ts';
import type { Sink } from '../session-events.ts';

/** Deletes the content of the session's message its author deleted for everyone; its history keeps that it happened. */
export const messageRevokedSink: Sink<'message-revoked'> = (event, context) =>
  inboundWrite(context.sessionId, event.waMessageId, 'a delete', () => receiveRevoke(event, context));
