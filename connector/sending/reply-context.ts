import type { proto, WAMessage } from '@whiskeysockets/baileys';
import type { TargetMessage } from '../../shared/messages/content.ts';

/** The part of a message WhatsApp shows in a quote's bubble, by the quoted message's kind; a text otherwise. */
const quotedParts: Record<string, keyof proto.IMessage> = {
  image: 'imageMessage',
  video: 'videoMessage',
  audio: 'audioMessage',
  document: 'documentMessage',
  sticker: 'stickerMessage',
  location: 'locationMessage',
  contacts: 'contactMessage',
  poll: 'pollCreationMessage',
};

/**
 * The message a reply quotes, as Baileys' `quoted` option takes it: its key (which becomes
 * contextInfo.stanzaId and participant) and a minimal body of its kind with its words, which is all
 * the bubble shows. The whole original is not needed, and is not kept for received messages anyway.
 */
export function quotedMessage(quoted: TargetMessage | undefined): WAMessage | undefined {
  if (!quoted) return undefined;
  const part = quotedParts[quoted.type ?? ''];
  return { key: quoted.key, message: part ? { [part]: bodyOf(part, quoted.text) } : { conversation: quoted.text ?? '' } };
}

function bodyOf(part: keyof proto.IMessage, text: string | undefined) {
  switch (part) {
    case 'pollCreationMessage':
      return { name: text };
    case 'contactMessage':
      return { displayName: text };
    case 'locationMessage':
      return { name: text };
    case 'audioMessage':
    case 'stickerMessage':
      return {};
    default:
      return { caption: text };
  }
}
