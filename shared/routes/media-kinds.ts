import { mediaSendRoute, mediaSources } from './media-sources.ts';
import { defineRoute } from '../http/route.ts';
import { describeSize, MEDIA_MAX_BYTES } from '../messages/media-limits.ts';
import { sendAudioBodySchema, sendVideoBodySchema } from '../schemas/media-kinds.ts';
import { captionMaxLength } from '../schemas/messages.ts';
import { count, idempotencyHeaders, messagesTag, sendDescription, sendResponses } from './messages.ts';

/** What every media send says of its bytes. */
const checkedBytes =
  'Its first bytes must be of that kind, whatever its Content-Type or `mime_type` says: `media_base64` or a `media_id` upload that is not is a 400 with the reason (both are checked before anything is queued); media from a URL that is not fails the message with the reason.';

/** The send routes of video and audio, beside messages.ts's. */
export const mediaKindRoutes = {
  sendVideo: defineRoute({
    method: 'POST',
    path: '/message/send-video',
    auth: 'apiKey',
    handler: 'message/send-video',
    ...mediaSendRoute,
    summary: 'Send a video, with an optional caption, or as a GIF',
    description: sendDescription(
      `\`video_url\`: http(s), public, MP4 or 3GPP up to ${describeSize(MEDIA_MAX_BYTES.video)} (WhatsApp plays H.264 with AAC); \`text\`: caption up to ${count(captionMaxLength)} characters; \`gif_playback: true\` plays it looped and muted, as a GIF. ${checkedBytes} ${mediaSources('video_url')}`,
    ),
    tag: messagesTag.name,
    body: sendVideoBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
  sendAudio: defineRoute({
    method: 'POST',
    path: '/message/send-audio',
    auth: 'apiKey',
    handler: 'message/send-audio',
    ...mediaSendRoute,
    summary: 'Send an audio file, or a voice note',
    description: sendDescription(
      `\`audio_url\`: http(s), public, AAC, AMR, MP3, M4A or OGG/Opus up to ${describeSize(MEDIA_MAX_BYTES.audio)}; \`ptt: true\` sends it as a voice note, which must be OGG/Opus (an OGG whose first page is an Opus head). ${checkedBytes} ${mediaSources('audio_url')}`,
    ),
    tag: messagesTag.name,
    body: sendAudioBodySchema,
    headers: idempotencyHeaders,
    responses: sendResponses,
  }),
};
