/**
 * A contact fetching the media of a message it received: HTTPS download from the media host,
 * MAC and hash checks, then AES-CBC decryption with keys derived from the message's media key.
 */
import { createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { request } from 'node:https';
import { getMediaKeys, type MediaType, type proto } from '@whiskeysockets/baileys';

const MAC_LENGTH = 10;

type MediaContent = {
  mediaKey?: Uint8Array | null;
  directPath?: string | null;
  fileSha256?: Uint8Array | null;
  fileEncSha256?: Uint8Array | null;
};

const MEDIA_FIELDS = {
  imageMessage: 'image',
  videoMessage: 'video',
  audioMessage: 'audio',
  documentMessage: 'document',
  stickerMessage: 'sticker',
} as const satisfies Partial<Record<keyof proto.IMessage, MediaType>>;

/** The media part of a message and its type, if the message carries media. */
export const mediaOf = (message: proto.IMessage): { type: MediaType; content: MediaContent } | undefined => {
  for (const [field, type] of Object.entries(MEDIA_FIELDS)) {
    const content = message[field as keyof typeof MEDIA_FIELDS];
    if (content?.mediaKey && content.directPath) return { type, content };
  }
  return undefined;
};

const httpsGet = (url: string, ca: string): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const req = request(url, { ca, method: 'GET' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        response.statusCode === 200
          ? resolve(Buffer.concat(chunks))
          : reject(new Error(`media download failed with HTTP ${response.statusCode}`)),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

export const downloadMedia = async (message: proto.IMessage, mediaBaseUrl: string, ca: string): Promise<Buffer | undefined> => {
  const media = mediaOf(message);
  if (!media?.content.mediaKey || !media.content.directPath) return undefined;
  const encrypted = await httpsGet(new URL(media.content.directPath, mediaBaseUrl).toString(), ca);
  const { iv, cipherKey, macKey } = await getMediaKeys(media.content.mediaKey, media.type);
  if (!macKey) throw new Error('no MAC key derived for media');
  const ciphertext = encrypted.subarray(0, encrypted.byteLength - MAC_LENGTH);
  const mac = createHmac('sha256', macKey).update(iv).update(ciphertext).digest().subarray(0, MAC_LENGTH);
  if (!timingSafeEqual(mac, encrypted.subarray(encrypted.byteLength - MAC_LENGTH))) throw new Error('media MAC mismatch');
  const expectedEncHash = media.content.fileEncSha256;
  if (expectedEncHash && !createHash('sha256').update(encrypted).digest().equals(expectedEncHash)) {
    throw new Error('encrypted media hash mismatch');
  }
  const decipher = createDecipheriv('aes-256-cbc', cipherKey, iv);
  const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  const expectedHash = media.content.fileSha256;
  if (expectedHash && !createHash('sha256').update(plaintext).digest().equals(expectedHash)) {
    throw new Error('media hash mismatch');
  }
  return plaintext;
};
