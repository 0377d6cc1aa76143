import { logger } from '../../shared/logger.ts';
import { count } from '../../shared/metrics-emitter.ts';
import { KeyedTurns } from '../keyed-turns.ts';

/** Pauses before each retry of a failed write (the SDK has retried each try already): about 20 s in all. */
const retryDelaysMs = [200, 1_000, 4_000, 15_000];

const turns = new KeyedTurns<string>();

/**
 * Runs one inbound write of a session after the session's previous one, so an edit, a delete or a
 * reaction never overtakes the message it changes. A write that fails is tried again; one that
 * still fails is counted (InboundMessagesLost, alarmed) and logged as an error with the WhatsApp id:
 * WhatsApp has its receipt, and will not deliver it again. Answers what the write answered, undefined when it failed; never throws.
 */
export function inboundWrite<T>(sessionId: string, waMessageId: string, what: string, write: () => Promise<T>): Promise<T | undefined> {
  return turns.run(sessionId, async () => {
    for (const delayMs of [...retryDelaysMs, undefined]) {
      try {
        return await write();
      } catch (error) {
        if (delayMs === undefined) {
          count('inboundMessagesLost');
          logger().error(`Could not store ${what}; it is lost`, { sessionId, waMessageId, error });
          return undefined;
        }
        logger().warn(`Could not store ${what}; trying again`, { sessionId, waMessageId, delayMs, error });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  });
}

/** Resolves once every inbound write of the session started so far has ended: what a shutdown waits for. */
export function inboundWritesSettled(sessionId: string): Promise<void> {
  return turns.run(sessionId, async () => undefined);
}
