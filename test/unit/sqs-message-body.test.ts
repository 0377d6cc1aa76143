import { describe, expect, it } from 'vitest';
import { sqsMessageBody } from '../../shared/queues/fifo.ts';
import { sendQueueMessage } from '../../shared/queues/send.ts';
import { pendingText } from '../support/messages.ts';

/** Every character SQS accepts in a message body, per its SendMessage reference. */
// eslint-disable-next-line no-control-regex -- tab, line feed and carriage return are among them
const onlySqsCharacters = /^[\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('a queue message body', () => {
  it('holds only characters SQS accepts and parses back to the identical text, for every UTF-16 code unit', () => {
    const everyCodeUnit = String.fromCharCode(...Array.from({ length: 0x10000 }, (_, unit) => unit));
    const text = `${everyCodeUnit} lone \uD800 and \uDFFF, \uFFFE\uFFFF, 👩‍👩‍👧‍👦 🇯🇵 𝄞 مرحبا 你好 é`;

    const body = sqsMessageBody({ text });

    expect(body).toMatch(onlySqsCharacters);
    expect(JSON.parse(body)).toEqual({ text });
  });

  it('keeps characters SQS accepts as they are, emoji included', () => {
    expect(sqsMessageBody({ text: 'héllo 😀 \uFFFD' })).toBe('{"text":"héllo 😀 \uFFFD"}');
    expect(sqsMessageBody({ text: 'x\uFFFFy\uFFFE' })).toBe('{"text":"x\\uffffy\\ufffe"}');
  });

  it('leaves out content whose escaped form would not fit in one 64 KiB queue message', () => {
    const text = (words: string) =>
      pendingText({ messageId: 'msg_1', sessionId: 's', userId: 1, to: '1', jid: '1@s.whatsapp.net', text: words });

    // 45,000 bytes as text, 90,000 once each U+FFFF is escaped.
    expect(sendQueueMessage(text('\uFFFF'.repeat(15_000)))).toEqual({ messageId: 'msg_1', sessionId: 's', userId: 1 });
    expect(sendQueueMessage(text('\uFFFF'.repeat(10_000))).content?.content).toEqual({ type: 'text', text: '\uFFFF'.repeat(10_000) });
  });
});
