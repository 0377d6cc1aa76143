import { describe, expect, it, vi } from 'vitest';
import type { SessionEventKind, SessionEventOf, SinkContext } from '../../connector/sessions/session-events.ts';
import { sinks, storeEvent } from '../../connector/sessions/sinks/registry.ts';

const contactJid = '4917000000000@s.whatsapp.net';

/** One event of every kind: the type makes the compiler ask for an example when a kind is added. */
const examples: { [K in SessionEventKind]: SessionEventOf<K> } = {
  'session-state': { kind: 'session-state', update: { status: 'connected' } },
  receipt: { kind: 'receipt', waMessageId: 'NOT-ONE-OF-OURS', receipt: 'read' },
  message: {
    kind: 'message',
    message: { key: { id: 'WA1', remoteJid: contactJid }, message: { conversation: 'hi' } },
    upsertType: 'notify',
  },
  'message-edited': {
    kind: 'message-edited',
    waMessageId: 'WA1',
    key: { id: 'WA1', remoteJid: contactJid },
    content: { conversation: 'hi!' },
  },
  'message-revoked': { kind: 'message-revoked', waMessageId: 'WA1', key: { id: 'WA1', remoteJid: contactJid } },
  'contact-name': { kind: 'contact-name', jid: contactJid, pushName: 'Alice', phoneJid: contactJid },
};

function context(fence: number | undefined) {
  return {
    sessionId: 'ses_01J0000000000000000000000A',
    sessionName: 'main',
    userId: 1,
    phoneNumber: '+15550001111',
    phoneOfLid: async () => undefined,
    fence: () => fence,
    superseded: vi.fn<SinkContext['superseded']>(),
  };
}

describe('the session event sinks', () => {
  it('have exactly one sink for every kind of session event', () => {
    expect(Object.keys(sinks).sort()).toEqual(Object.keys(examples).sort());
    for (const sink of Object.values(sinks)) expect(sink).toBeTypeOf('function');
  });

  it.each(['receipt', 'message', 'message-edited', 'message-revoked', 'contact-name'] as const)(
    'store a %s event without a verdict on who owns the session',
    async (kind) => {
      expect(await storeEvent(examples[kind], context(3))).toBe(true);
    },
  );

  it('answer false for a state write once the shard is gone, and leave the session to the shard’s release', async () => {
    const gone = context(undefined);

    expect(await storeEvent(examples['session-state'], gone)).toBe(false);
    expect(gone.superseded).not.toHaveBeenCalled();
  });
});
