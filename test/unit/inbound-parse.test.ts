import { jidNormalizedUser, proto, WAMessageStubType, type WAMessage, type WAMessageKey } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { parseInbound } from '../../connector/inbound/parse.ts';
import { partyOf } from '../../connector/inbound/parties.ts';

const contact = '6287654321@s.whatsapp.net';
const contactLid = '123456789012345@lid';
const group = '120363025246125888@g.us';
const sentAt = 1_761_613_200;

/**
 * A message as Baileys emits it: built with Baileys' own proto classes, encoded and decoded again,
 * its key completed as Baileys completes it from the stanza.
 */
function received(message: proto.IMessage | null, key: WAMessageKey = {}, extra: Partial<proto.IWebMessageInfo> = {}): WAMessage {
  const { remoteJidAlt, participantAlt, ...wire } = key;
  const info = proto.WebMessageInfo.fromObject({
    key: { remoteJid: contact, fromMe: false, id: '3A1B2C3D4E5F', ...wire },
    ...(message ? { message } : {}),
    messageTimestamp: sentAt,
    pushName: 'Budi',
    ...extra,
  });
  const decoded = proto.WebMessageInfo.decode(proto.WebMessageInfo.encode(info).finish());
  // As Baileys' cleanMessage leaves it: an empty participant outside groups.
  const participant = jidNormalizedUser(decoded.key?.participant ?? undefined);
  return Object.assign(decoded, { key: { ...decoded.key, remoteJidAlt, participantAlt, participant } });
}

const mediaFields = {
  url: 'https://mmg.whatsapp.net/x',
  mediaKey: Buffer.alloc(32, 1),
  fileSha256: Buffer.alloc(32, 2),
  fileLength: 48_213,
};

describe('reading what a message brought', () => {
  it('reads a plain text, with who sent it, when, and under which WhatsApp id', () => {
    expect(parseInbound(received({ conversation: 'Halo' }))).toEqual({
      waMessageId: '3A1B2C3D4E5F',
      fromMe: false,
      chat: { jid: contact },
      isGroup: false,
      sender: { jid: contact },
      pushName: 'Budi',
      sentAt: new Date(sentAt * 1000),
      content: { type: 'text', text: 'Halo' },
    });
  });

  it('reads an extended text that replies to another message, with the quoted message’s id', () => {
    const reply = received({ extendedTextMessage: { text: 'Yes!', contextInfo: { stanzaId: '3EB0QUOTED', participant: contact } } });

    expect(parseInbound(reply)?.content).toEqual({ type: 'text', text: 'Yes!', quotedWaMessageId: '3EB0QUOTED' });
  });

  it('reads an image with its caption, type and size, not yet stored', () => {
    const image = received({ imageMessage: { ...mediaFields, mimetype: 'image/jpeg', caption: 'Look' } });

    expect(parseInbound(image)?.content).toEqual({
      type: 'image',
      text: 'Look',
      media: { mimeType: 'image/jpeg', size: 48_213, stored: false },
    });
  });

  it('reads a video with its length', () => {
    const video = received({ videoMessage: { ...mediaFields, mimetype: 'video/mp4', seconds: 12 } });

    expect(parseInbound(video)?.content).toEqual({
      type: 'video',
      media: { mimeType: 'video/mp4', size: 48_213, seconds: 12, stored: false },
    });
  });

  it('tells a voice note from other audio', () => {
    const voice = received({ audioMessage: { ...mediaFields, mimetype: 'audio/ogg; codecs=opus', seconds: 4, ptt: true } });
    const song = received({ audioMessage: { ...mediaFields, mimetype: 'audio/mpeg', seconds: 180 } });

    expect(parseInbound(voice)?.content.media).toMatchObject({ voiceNote: true, seconds: 4 });
    expect(parseInbound(song)?.content.media).toMatchObject({ voiceNote: false, seconds: 180 });
  });

  it('reads a document with its file name, also when it is wrapped to carry a caption', () => {
    const documentMessage = { ...mediaFields, mimetype: 'application/pdf', fileName: 'invoice.pdf', caption: 'March' };
    const wrapped = received({ documentWithCaptionMessage: { message: { documentMessage } } });

    expect(parseInbound(received({ documentMessage }))?.content).toEqual({
      type: 'document',
      text: 'March',
      media: { mimeType: 'application/pdf', fileName: 'invoice.pdf', size: 48_213, stored: false },
    });
    expect(parseInbound(wrapped)?.content).toEqual(parseInbound(received({ documentMessage }))?.content);
  });

  it('reads a sticker', () => {
    expect(parseInbound(received({ stickerMessage: { ...mediaFields, mimetype: 'image/webp' } }))?.content).toEqual({
      type: 'sticker',
      media: { mimeType: 'image/webp', size: 48_213, stored: false },
    });
  });

  it('reads a location with its name and address', () => {
    const location = received({ locationMessage: { degreesLatitude: -6.2, degreesLongitude: 106.8, name: 'Monas', address: 'Jakarta' } });

    expect(parseInbound(location)?.content).toEqual({
      type: 'location',
      location: { latitude: -6.2, longitude: 106.8, name: 'Monas', address: 'Jakarta' },
    });
  });

  it('reads one contact card, and several', () => {
    const vcard = 'BEGIN:VCARD\nVERSION:3.0\nFN:Sari\nTEL;type=CELL;waid=6281111111:+6281111111\nEND:VCARD';
    const one = received({ contactMessage: { displayName: 'Sari', vcard } });
    const two = received({
      contactsArrayMessage: {
        displayName: '2 contacts',
        contacts: [
          { displayName: 'Sari', vcard },
          { displayName: 'Eko', vcard },
        ],
      },
    });

    expect(parseInbound(one)?.content).toEqual({ type: 'contacts', contacts: [{ name: 'Sari', vcard }] });
    expect(parseInbound(two)?.content.contacts).toEqual([
      { name: 'Sari', vcard },
      { name: 'Eko', vcard },
    ]);
  });

  it('reads a reaction with the id of the message it reacts to, and a reaction taken back as an empty emoji', () => {
    const target = { remoteJid: contact, fromMe: true, id: '3EB0TARGET' };

    expect(parseInbound(received({ reactionMessage: { key: target, text: '👍', senderTimestampMs: 1 } }))?.content).toEqual({
      type: 'reaction',
      reaction: { emoji: '👍', targetWaMessageId: '3EB0TARGET' },
    });
    expect(parseInbound(received({ reactionMessage: { key: target, text: '' } }))?.content.reaction?.emoji).toBe('');
  });

  it.each(['pollCreationMessage', 'pollCreationMessageV2', 'pollCreationMessageV3'])(
    'reads a poll (%s): its question, options and choices per voter',
    (version) => {
      const poll = received({
        [version]: { name: 'Lunch?', options: [{ optionName: 'Yes' }, { optionName: 'No' }], selectableOptionsCount: 1 },
      });

      expect(parseInbound(poll)?.content).toEqual({
        type: 'poll',
        poll: { question: 'Lunch?', options: ['Yes', 'No'], selectableCount: 1 },
      });
    },
  );

  it('keeps a type it does not read as unsupported, with WhatsApp’s name for it', () => {
    const liveLocation = received({ liveLocationMessage: { degreesLatitude: -6.2, degreesLongitude: 106.8 } });

    expect(parseInbound(liveLocation)?.content).toEqual({ type: 'unsupported', unsupportedType: 'liveLocationMessage' });
  });

  it('leaves edits and deletes to their own events, and skips status updates and messages without content', () => {
    const target = { remoteJid: contact, fromMe: false, id: '3A1B2C3D4E5F' };
    const edit = received({
      protocolMessage: { type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT, key: target, editedMessage: { conversation: 'fixed' } },
    });
    const revoke = received({ protocolMessage: { type: proto.Message.ProtocolMessage.Type.REVOKE, key: target } });
    const story = received({ conversation: 'my day' }, { remoteJid: 'status@broadcast', participant: contact });
    const keyOnly = received({ senderKeyDistributionMessage: { groupId: group, axolotlSenderKeyDistributionMessage: Buffer.alloc(8) } });

    expect([edit, revoke, story, keyOnly, received(null)].map(parseInbound)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('unwraps a disappearing message', () => {
    const ephemeral = received({ ephemeralMessage: { message: { conversation: 'gone in 7 days' } } });

    expect(parseInbound(ephemeral)?.content).toEqual({ type: 'text', text: 'gone in 7 days' });
  });

  it('names the member as the sender of a group message, with the phone number WhatsApp gives beside its LID', () => {
    const message = received(
      { conversation: 'hi all', senderKeyDistributionMessage: { groupId: group, axolotlSenderKeyDistributionMessage: Buffer.alloc(8) } },
      { remoteJid: group, participant: contactLid, participantAlt: contact },
    );

    expect(parseInbound(message)).toMatchObject({
      chat: { jid: group },
      isGroup: true,
      sender: { jid: contactLid, alt: contact },
      content: { type: 'text', text: 'hi all' },
    });
  });

  it('names the contact by LID with its phone number beside it when the chat is addressed by LID', () => {
    const message = received({ conversation: 'hi' }, { remoteJid: contactLid, remoteJidAlt: contact });

    expect(parseInbound(message)).toMatchObject({ chat: { jid: contactLid, alt: contact }, sender: { jid: contactLid, alt: contact } });
  });

  it('has no sender for a message typed on the account’s own phone', () => {
    const own = parseInbound(received({ conversation: 'typed on the phone' }, { fromMe: true }));

    expect(own).toMatchObject({ fromMe: true, chat: { jid: contact } });
    expect(own?.sender).toBeUndefined();
  });

  it('reads a message Baileys folded an edit into as edited, with the edited text', () => {
    const folded = received({ editedMessage: { message: { conversation: 'fixed' } } });

    expect(parseInbound(folded)).toMatchObject({ edited: true, content: { type: 'text', text: 'fixed' } });
  });

  it('reads a message Baileys folded a delete into as deleted, without content', () => {
    const folded = received(null, {}, { messageStubType: WAMessageStubType.REVOKE });

    expect(parseInbound(folded)).toMatchObject({ deleted: true, content: { type: 'unsupported' } });
  });
});

describe('who an address is', () => {
  const noMapping = async () => undefined;

  it('is the number of a phone address, without its device part', async () => {
    expect(await partyOf({ jid: '6287654321:3@s.whatsapp.net', alt: contactLid }, noMapping)).toEqual({
      jid: contact,
      phone: '+6287654321',
      lid: contactLid,
    });
  });

  it('is the number beside a LID address, or else the one Baileys’ LID mapping knows', async () => {
    expect(await partyOf({ jid: contactLid, alt: contact }, noMapping)).toEqual({ jid: contactLid, phone: '+6287654321', lid: contactLid });
    expect(await partyOf({ jid: contactLid }, async (lid) => (lid === contactLid ? '6287654321:0@s.whatsapp.net' : undefined))).toEqual({
      jid: contactLid,
      phone: '+6287654321',
      lid: contactLid,
    });
    expect(await partyOf({ jid: contactLid }, noMapping)).toEqual({ jid: contactLid, lid: contactLid });
  });
});
