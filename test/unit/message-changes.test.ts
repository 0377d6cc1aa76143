import { describe, expect, it } from 'vitest';
import { checkDeletable, checkEditable, deleteWindowHours, editWindowMinutes } from '../../shared/messages/changes.ts';
import type { SentMessage, StoredMessage } from '../../shared/messages/message.ts';

const sentAt = '2026-01-01T10:00:00.000Z';
const after = (ms: number) => new Date(Date.parse(sentAt) + ms);
const minutes = (n: number) => n * 60_000;

const text: SentMessage = {
  messageId: 'msg_1',
  sessionId: 'ses_1',
  userId: 1,
  shard: 0,
  content: { type: 'text', text: 'hello' },
  to: '6281234567890',
  jid: '6281234567890@s.whatsapp.net',
  isGroup: false,
  status: 'delivered',
  attempts: 1,
  createdAt: sentAt,
  updatedAt: sentAt,
  sentAt,
  direction: 'out',
  origin: 'api',
  waMessageId: 'WA1',
  history: [],
};

const reason = (check: () => void) => {
  try {
    check();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe("WhatsApp's windows for editing and deleting", () => {
  it(`takes an edit up to ${editWindowMinutes} minutes after sending, not later`, () => {
    expect(reason(() => checkEditable(text, 'new', after(minutes(editWindowMinutes))))).toBeUndefined();
    expect(reason(() => checkEditable(text, 'new', after(minutes(editWindowMinutes) + 1)))).toBe(
      `WhatsApp takes an edit only within ${editWindowMinutes} minutes of sending`,
    );
  });

  it(`deletes for everyone up to ${deleteWindowHours} hours after sending, not later`, () => {
    expect(reason(() => checkDeletable(text, after(minutes(deleteWindowHours * 60))))).toBeUndefined();
    expect(reason(() => checkDeletable(text, after(minutes(deleteWindowHours * 60) + 1)))).toBe(
      `WhatsApp deletes for everyone only within ${deleteWindowHours} hours of sending`,
    );
  });

  it('dates a message typed on the phone by when WhatsApp says it was sent', () => {
    const typed: StoredMessage = {
      ...text,
      origin: 'phone',
      type: 'text',
      text: 'typed',
      createdAt: after(minutes(30)).toISOString(),
      expiresAt: 0,
    };
    expect(reason(() => checkEditable(typed, 'new', after(minutes(20))))).toContain('within');
  });

  it.each([
    [{ status: 'pending' }, 'The message has not been sent yet'],
    [{ status: 'failed' }, 'The message was not sent'],
    [{ deletedAt: sentAt }, 'The message was deleted for everyone'],
    [
      { content: { type: 'image', media: { url: 'https://example.com/a.png' } } },
      'Only a text, or a message with a caption, can be edited',
    ],
    [{ content: { type: 'poll', question: 'Q?', options: ['A', 'B'], selectableCount: 1 } }, 'Only a text, or a message with a caption'],
  ])('refuses to edit a sent message with %j', (fields, expected) => {
    expect(reason(() => checkEditable({ ...text, ...fields } as SentMessage, 'new', after(1)))).toContain(expected);
  });

  it('refuses a caption past 1,024 characters, and to delete a reaction', () => {
    const image = { ...text, content: { type: 'image', media: { url: 'https://example.com/a.png' }, caption: 'old' } } as SentMessage;
    const reaction = {
      ...text,
      content: { type: 'reaction', emoji: '👍', target: { messageId: 'm', key: { remoteJid: 'j', id: 'i', fromMe: true } } },
    } as SentMessage;
    expect(reason(() => checkEditable(image, 'x'.repeat(1_025), after(1)))).toBe('A caption is at most 1,024 characters');
    expect(reason(() => checkEditable(image, 'x'.repeat(1_024), after(1)))).toBeUndefined();
    expect(reason(() => checkDeletable(reaction, after(1)))).toContain('take a reaction back');
  });
});
