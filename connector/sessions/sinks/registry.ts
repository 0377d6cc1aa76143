import type { SessionEvent, SessionEventKind, Sink, SinkContext } from '../session-events.ts';
import { contactNameSink } from './contact-name.ts';
import { messageEditedSink } from './message-edited.ts';
import { messageRevokedSink } from './message-revoked.ts';
import { messageSink } from './message.ts';
import { receiptSink } from './receipt.ts';
import { sessionStateSink } from './session-state.ts';

/** One sink per kind of session event: the type makes the compiler ask for a sink when a kind is added. */
export const sinks: { readonly [K in SessionEventKind]: Sink<K> } = {
  'session-state': sessionStateSink,
  receipt: receiptSink,
  message: messageSink,
  'message-edited': messageEditedSink,
  'message-revoked': messageRevokedSink,
  'contact-name': contactNameSink,
};

/**
 * Stores an event with the sink of its kind. Answers false only when the session-state sink could
 * not write (the shard is gone, or a newer connector wrote since): the session is no longer ours.
 */
export async function storeEvent(event: SessionEvent, context: SinkContext): Promise<boolean> {
  // TypeScript cannot pair `sinks[event.kind]` with `event` itself; the registry's type does it per kind.
  const sink = sinks[event.kind] as (event: SessionEvent, context: SinkContext) => Promise<boolean | void>;
  return (await sink(event, context)) !== false;
}
