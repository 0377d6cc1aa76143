import { proto } from '@whiskeysockets/baileys';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waMessageIdOf } from '../../shared/ids.ts';
import { api } from '../support/http.ts';
import { anotherTenantsMessage } from '../support/messages.ts';
import { startMediaServer, type MediaServer } from '../support/media-server.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, linkSession, sendFromContact, sendFromPhone, waitForReceived, type Received } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });
const { MESSAGE_EDIT, REVOKE } = proto.Message.ProtocolMessage.Type;
const editedText = (received: Received) => {
  const edited = received.message.protocolMessage?.editedMessage;
  return edited?.conversation ?? edited?.extendedTextMessage?.text;
};

describe('editing and deleting sent messages', () => {
  let user: TestUser;
  let session: string;
  let account: string;
  let media: MediaServer;

  beforeAll(async () => {
    user = await registerUser();
    ({ sessionId: session, phone: account } = await linkSession(user.apiKey));
    const png = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 200, g: 20, b: 20, alpha: 1 } } })
      .png()
      .toBuffer();
    media = await startMediaServer({ '/photo.png': { body: png, contentType: 'image/png' } });
  });
  afterAll(() => media?.close());

  const post = (path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    api(`/message/${path}`, { body: { session, ...body }, headers: { ...key(user.apiKey), ...headers } });

  /** Sends `body` to the contact and waits for it to decrypt the `n`th message; answers the sent message's id. */
  async function sent(path: string, contact: string, body: Record<string, unknown>, n = 1): Promise<string> {
    const answer = await post(path, { to: contact, ...body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    await waitForReceived(contact, n);
    // Only a sent message changes: it may reach the contact a moment before it is marked sent.
    await statusOnce(answer.body.messageId, (data) => !['pending', 'processing'].includes(data.status));
    return answer.body.messageId;
  }

  /** Queues a change and answers what the contact decrypted as its `n`th message, and the change's id. */
  async function changed(path: 'edit' | 'delete', contact: string, body: Record<string, unknown>, n: number): Promise<[Received, string]> {
    const answer = await post(path, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ success: true, messageId: expect.any(String), message: 'Message queued successfully' });
    const received = await waitForReceived(contact, n);
    return [received[n - 1]!, answer.body.messageId];
  }

  /** The message as GET /message/status shows it once `done` holds of it. */
  const statusOnce = (messageId: string, done: (data: any) => boolean = () => true) =>
    pollUntil(
      async () => (await api(`/message/status?session=${session}&messageId=${messageId}`, { headers: key(user.apiKey) })).body.data,
      (data) => data !== undefined && done(data),
      { timeoutMs: 15_000, failure: (data) => `message ${messageId} did not get there: ${JSON.stringify(data)}` },
    );

  /** The session's stored message that `done` picks out of its listing in `direction`. */
  const listed = (direction: 'in' | 'out', done: (message: any) => boolean) =>
    pollUntil(
      async () =>
        ((await api(`/message/list?session=${session}&direction=${direction}`, { headers: key(user.apiKey) })).body.data as any[]).find(
          done,
        ),
      (message) => message !== undefined,
      { timeoutMs: 10_000, failure: () => `the session did not list the message` },
    );

  /** Sent: receipts may take it past `completed` before a poll sees it. */
  const wentOut = (data: any) => ['completed', 'delivered', 'read'].includes(data.status);

  const events = (data: any, event: string) => (data.history as any[]).filter((entry) => entry.event === event);

  it('edits a text it sent: the contact gets the edit for its key, and the text shows the new words once', async () => {
    const contact = await addContact();
    const textId = await sent('send-text', contact, { text: 'See you at 7' });

    const [edit, editId] = await changed('edit', contact, { message_id: textId, text: 'See you at 8' }, 2);

    expect(edit.message.protocolMessage).toMatchObject({ type: MESSAGE_EDIT, key: { id: waMessageIdOf(textId), fromMe: true } });
    expect(editedText(edit)).toBe('See you at 8');
    const target = await statusOnce(textId, (data) => data.text === 'See you at 8');
    expect(target).toMatchObject({ type: 'text', text: 'See you at 8', editedAt: expect.any(String) });
    // WhatsApp hands the session its own edit back: it is stored once all the same.
    await statusOnce(editId, wentOut);
    expect(events(await statusOnce(textId), 'edited')).toEqual([{ event: 'edited', at: target.editedAt, text: 'See you at 8' }]);
    expect(await statusOnce(editId)).toMatchObject({
      type: 'edit',
      to: contact,
      change: { targetMessageId: textId, targetWaMessageId: waMessageIdOf(textId), text: 'See you at 8' },
    });
  });

  it('edits the caption of an image it sent', async () => {
    const contact = await addContact();
    const imageId = await sent('send-image', contact, { image_url: `${media.url}/photo.png`, text: 'Old caption' });

    const [edit] = await changed('edit', contact, { message_id: imageId, text: 'New caption' }, 2);

    expect(edit.message.protocolMessage).toMatchObject({ type: MESSAGE_EDIT, key: { id: waMessageIdOf(imageId) } });
    expect(editedText(edit)).toBe('New caption');
    expect(await statusOnce(imageId, (data) => data.caption === 'New caption')).toMatchObject({ type: 'image', caption: 'New caption' });
  });

  it('edits a message typed on its own phone, with that message’s key', async () => {
    const contact = await addContact();
    // The simulator delivers what the phone types to the linked session only: the contact's first message is the edit.
    const typed = await sendFromPhone(account, contact, 'typed on the phone');
    const stored = await listed('out', (message) => message.text === 'typed on the phone');

    const [edit] = await changed('edit', contact, { message_id: stored.messageId, text: 'typed, then edited' }, 1);

    expect(edit.message.protocolMessage).toMatchObject({ type: MESSAGE_EDIT, key: { id: typed.id, fromMe: true } });
    expect(await statusOnce(stored.messageId, (data) => data.text === 'typed, then edited')).toMatchObject({ origin: 'phone' });
  });

  it('deletes a message for everyone: the contact gets the revoke for its key, and its content is gone', async () => {
    const contact = await addContact();
    const textId = await sent('send-text', contact, { text: 'Wrong chat' });

    const [revoke, deleteId] = await changed('delete', contact, { message_id: textId }, 2);

    expect(revoke.message.protocolMessage?.type ?? REVOKE).toBe(REVOKE);
    expect(revoke.message.protocolMessage).toMatchObject({ key: { id: waMessageIdOf(textId), fromMe: true } });
    const target = await statusOnce(textId, (data) => data.deletedAt !== undefined);
    expect(target.text).toBeUndefined();
    await statusOnce(deleteId, wentOut);
    expect(events(await statusOnce(textId), 'deleted')).toHaveLength(1);
    expect(await statusOnce(deleteId)).toMatchObject({ type: 'delete', change: { targetMessageId: textId } });
  });

  it('answers a repeated edit with the same Idempotency-Key with the first id, and sends it once', async () => {
    const contact = await addContact();
    const textId = await sent('send-text', contact, { text: 'once' });
    const headers = { 'Idempotency-Key': `edit-${textId}` };

    const first = await post('edit', { message_id: textId, text: 'once, edited' }, headers);
    const again = await post('edit', { message_id: textId, text: 'once, edited' }, headers);

    expect(again.body.messageId).toBe(first.body.messageId);
    await statusOnce(first.body.messageId, wentOut);
    expect(await waitForReceived(contact, 2)).toHaveLength(2);
  });

  it('refuses to edit a message received from a contact', async () => {
    const contact = await addContact();
    await sendFromContact(contact, account, 'not yours to edit');
    const received = await listed('in', (message) => message.text === 'not yours to edit');

    const answer = await post('edit', { message_id: received.messageId, text: 'hijacked' });

    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('Only a message this session sent can be edited');
  });

  it('refuses to edit a deleted message', async () => {
    const contact = await addContact();
    const textId = await sent('send-text', contact, { text: 'gone soon' });
    await changed('delete', contact, { message_id: textId }, 2);
    await statusOnce(textId, (data) => data.deletedAt !== undefined);

    const edit = await post('edit', { message_id: textId, text: 'too late' });
    const deleteAgain = await post('delete', { message_id: textId });

    for (const answer of [edit, deleteAgain]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('The message was deleted for everyone');
    }
  });

  it('refuses to edit a sticker, which has no caption', async () => {
    const contact = await addContact();
    const stickerId = await sent('send-sticker', contact, { image_url: `${media.url}/photo.png` });

    const answer = await post('edit', { message_id: stickerId, text: 'a caption' });

    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('Only a text, or a message with a caption, can be edited');
  });

  it('refuses a change with a `to`, and an edit without text', async () => {
    const contact = await addContact();
    const textId = await sent('send-text', contact, { text: 'target' });

    const withTo = await post('delete', { message_id: textId, to: contact });
    const withoutText = await post('edit', { message_id: textId, text: '' });

    expect(withTo.status).toBe(400);
    expect(JSON.stringify(withTo.body)).toContain('to');
    expect(withoutText.status).toBe(400);
    expect(JSON.stringify(withoutText.body)).toContain('text');
  });

  it("answers 404 for another tenant's message and for an unknown one", async () => {
    const theirs = await anotherTenantsMessage();

    const answers = [
      await post('delete', { message_id: theirs }),
      await post('edit', { message_id: theirs, text: 'yours now' }),
      await post('delete', { message_id: 'msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D' }),
    ];

    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body.error).toBe('Message not found');
    }
  });
});
