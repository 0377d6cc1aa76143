import { receiveEdit } from '../../inbound/receive.ts';
import { inboundWrite } from '../../inbound/writes.ts';
import type { Sink } from '../session-events.ts';

/** Gives the session's message its author's edit, and appends the edit to its history. */
export const messageEditedSink: Sink<'message-edited'> = (event, context) =>
  inboundWrite(context.sessionId, event.waMessageId, 'an edit', () => receiveEdit(event, context));
