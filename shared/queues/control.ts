import { z } from 'zod';
import { sendToShardQueue } from './fifo.ts';
import { linkMethodSchema } from '../schemas/sessions.ts';

/**
 * Requests for a session's live socket, carried on its shard's control FIFO queue (group = session,
 * so a session's requests run in order; deduplicated by request id).
 */
export const controlMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), requestId: z.string(), sessionId: z.string(), method: linkMethodSchema }),
  /** `reason`: why the messages still waiting on the session are failed (logout when absent). */
  z.object({ type: z.literal('logout'), requestId: z.string(), sessionId: z.string(), reason: z.enum(['logout', 'cleanup']).optional() }),
  /** A contact lookup; the answer goes to the RPC result item of `requestId`. */
  z.object({ type: z.literal('profile'), requestId: z.string(), sessionId: z.string(), jid: z.string() }),
]);

export type ControlMessage = z.infer<typeof controlMessageSchema>;

export async function sendControl(shard: number, message: ControlMessage): Promise<void> {
  await sendToShardQueue('control', shard, message, message.sessionId, message.requestId);
}
