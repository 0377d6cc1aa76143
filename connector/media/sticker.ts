/**
 * Stickers as WhatsApp shows them: a 512×512 WebP. Any other image is converted with sharp,
 * contained in the square on a transparent background, its frames kept when it is animated.
 */
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { describeSize, STICKER_MAX_BYTES } from '../../shared/messages/media-limits.ts';
import { MediaFetchError } from './media-fetch-error.ts';

const side = 512;

/**
 * The sticker to send, from the checked image in `body`: as it came when it is already a 512×512
 * WebP, otherwise converted. It is read whole: a sticker is at most MEDIA_MAX_BYTES.sticker (1 MB),
 * which the download enforces, and sharp needs the whole image to decode it. Fails with a
 * MediaFetchError when the image does not decode, or the WebP is over WhatsApp's sticker limit.
 */
export async function stickerOf(body: Readable): Promise<Buffer> {
  const image = Buffer.concat(await body.toArray());
  const input = sharp(image, { animated: true });
  const metadata = await input.metadata().catch((error: unknown) => {
    throw new MediaFetchError('media is not an image that can be read', { cause: error });
  });
  const animated = (metadata.pages ?? 1) > 1;
  const frameHeight = metadata.pageHeight ?? metadata.height;
  const ready = metadata.format === 'webp' && metadata.width === side && frameHeight === side;
  const sticker = ready
    ? image
    : await input
        .resize(side, side, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
        .webp()
        .toBuffer()
        .catch((error: unknown) => {
          throw new MediaFetchError('media could not be converted to a sticker', { cause: error });
        });
  const maxBytes = animated ? STICKER_MAX_BYTES.animated : STICKER_MAX_BYTES.static;
  if (sticker.length > maxBytes)
    throw new MediaFetchError(`sticker is larger than ${describeSize(maxBytes)} as a 512×512 WebP (WhatsApp's limit)`);
  return sticker;
}
