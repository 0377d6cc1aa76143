import { z } from 'zod';
import { checkMediaSource, mediaSourceFields } from './media-source.ts';
import { mediaUrlSchema } from '../messages/media-url.ts';
import { captionSchema, recipientFields } from './messages.ts';
import { checkSend, replyFields } from './send-context.ts';

/** `POST /message/send-video`: a video by URL, with an optional caption, played as a GIF on request. */
export const sendVideoBodySchema = z
  .object({
    ...recipientFields,
    video_url: mediaUrlSchema.optional(),
    ...mediaSourceFields,
    text: captionSchema,
    gif_playback: z.boolean().optional().meta({ description: 'Plays it looped and muted, as WhatsApp shows a GIF.' }),
    ...replyFields,
  })
  .superRefine(checkSend)
  .superRefine(checkMediaSource('video_url'));

/** `POST /message/send-audio`: an audio file by URL, or with `ptt` a voice note. */
export const sendAudioBodySchema = z
  .object({
    ...recipientFields,
    audio_url: mediaUrlSchema.optional(),
    ...mediaSourceFields,
    ptt: z.boolean().optional().meta({
      description:
        'Sends it as a voice note (push to talk): it must then be OGG/Opus; `media_base64` or a `media_id` upload that is not is a 400, a URL that is not fails the message.',
    }),
    ...replyFields,
  })
  .superRefine(checkSend)
  .superRefine(checkMediaSource('audio_url'));
