import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_MAX_BYTES } from '../../shared/messages/media-limits.ts';
import { api } from '../support/http.ts';
import { startMediaServer, type MediaServer } from '../support/media-server.ts';
import { mediaSamples } from '../support/media-samples.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, linkSession, sim, waitForReceived } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('sending video, audio and voice notes, checked by their bytes', () => {
  let user: TestUser;
  let session: string;
  let media: MediaServer;
  const video = mediaSamples.mp4(200_000);
  const song = mediaSamples.mp3(50_000);
  const voice = mediaSamples.opus(30_000);

  beforeAll(async () => {
    user = await registerUser();
    session = (await linkSession(user.apiKey)).sessionId;
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 1 } } })
      .png()
      .toBuffer();
    media = await startMediaServer({
      '/clip.mp4': { body: video, contentType: 'video/mp4' },
      '/song.mp3': { body: song, contentType: 'audio/mpeg' },
      '/voice.ogg': { body: voice, contentType: 'audio/ogg' },
      '/song-as-ogg.ogg': { body: song, contentType: 'audio/ogg' },
      '/report-as-png.png': { body: mediaSamples.pdf(), contentType: 'image/png' },
      '/sticker.png': { body: png, contentType: 'image/png' },
      '/long.mp4': { size: MEDIA_MAX_BYTES.video + 1, contentType: 'video/mp4' },
    });
  });
  afterAll(() => media?.close());

  /** Sends `fields` to a new contact through `path`, the media path made a URL of the media server. */
  async function send(path: string, fields: Record<string, unknown>) {
    const contact = await addContact();
    const body = Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [name, name.endsWith('_url') ? `${media.url}${String(value)}` : value]),
    );
    const sent = await api(path, { body: { session, to: contact, ...body }, headers: key(user.apiKey) });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return { contact, messageId: sent.body.messageId as string };
  }

  /** The message as `GET /message/status` shows it once `done` holds of it. */
  async function statusOnce(messageId: string, done: (data: any) => boolean) {
    const query = new URLSearchParams({ session, messageId }).toString();
    const answer = await pollUntil(
      () => api(`/message/status?${query}`, { headers: key(user.apiKey) }),
      (response) => response.body.data !== undefined && done(response.body.data),
      { timeoutMs: 15_000, failure: (response) => `message ${messageId} did not get there: ${JSON.stringify(response?.body)}` },
    );
    return answer.body.data;
  }

  it('sends a video with its caption and as a GIF: the contact gets its very bytes', async () => {
    const { contact, messageId } = await send('/message/send-video', { video_url: '/clip.mp4', text: 'Watch this', gif_playback: true });

    const [received] = await waitForReceived(contact, 1);

    const message = received!.message.videoMessage;
    expect(message).toMatchObject({ caption: 'Watch this', gifPlayback: true, mimetype: 'video/mp4' });
    expect(sha256(Buffer.from(received!.mediaBase64 ?? '', 'base64'))).toBe(sha256(video));
    const sent = await statusOnce(messageId, (data) => data.media?.stored !== undefined);
    expect(sent).toMatchObject({
      type: 'video',
      caption: 'Watch this',
      media: { stored: true, sha256: sha256(video), mimeType: 'video/mp4' },
    });
  });

  it('sends an MP3 as audio, not a voice note', async () => {
    const { contact } = await send('/message/send-audio', { audio_url: '/song.mp3' });

    const [received] = await waitForReceived(contact, 1);

    expect(received!.message.audioMessage).toMatchObject({ mimetype: 'audio/mpeg' });
    expect(received!.message.audioMessage.ptt ?? false).toBe(false);
    expect(sha256(Buffer.from(received!.mediaBase64 ?? '', 'base64'))).toBe(sha256(song));
  });

  it('sends an OGG/Opus as a voice note', async () => {
    const { contact } = await send('/message/send-audio', { audio_url: '/voice.ogg', ptt: true });

    const [received] = await waitForReceived(contact, 1);

    expect(received!.message.audioMessage).toMatchObject({ ptt: true, mimetype: 'audio/ogg; codecs=opus' });
    expect(sha256(Buffer.from(received!.mediaBase64 ?? '', 'base64'))).toBe(sha256(voice));
  });

  it('sends a video and a voice note in reply to a stored message, quoting it', async () => {
    const { contact, messageId: textId } = await send('/message/send-text', { text: 'Send me the clip' });
    const reply = (path: string, fields: Record<string, unknown>) =>
      api(path, { body: { session, to: contact, reply_to: textId, ...fields }, headers: key(user.apiKey) });

    expect((await reply('/message/send-video', { video_url: `${media.url}/clip.mp4` })).status).toBe(200);
    expect((await reply('/message/send-audio', { audio_url: `${media.url}/voice.ogg`, ptt: true })).status).toBe(200);
    const [, videoReply, voiceReply] = await waitForReceived(contact, 3);

    expect(videoReply!.message.videoMessage.contextInfo.quotedMessage).toMatchObject({ conversation: 'Send me the clip' });
    expect(voiceReply!.message.audioMessage.contextInfo.quotedMessage).toMatchObject({ conversation: 'Send me the clip' });
  });

  it('converts a PNG sticker to a 512×512 WebP', async () => {
    const { contact } = await send('/message/send-sticker', { image_url: '/sticker.png' });

    const [received] = await waitForReceived(contact, 1);

    const bytes = Buffer.from(received!.mediaBase64 ?? '', 'base64');
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString()).toBe('WEBP');
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width: 512, height: 512 });
    expect(received!.message.stickerMessage).toMatchObject({ mimetype: 'image/webp' });
  });

  it.each([
    ['a PDF served as image/png', '/message/send-image', { image_url: '/report-as-png.png' }, 'media is application/pdf, not an image'],
    [
      'an MP3 sent as a voice note',
      '/message/send-audio',
      { audio_url: '/song-as-ogg.ogg', ptt: true },
      'media is audio/mpeg, not an OGG/Opus voice note',
    ],
    ['a video over 16 MB', '/message/send-video', { video_url: '/long.mp4' }, 'media is larger than 16 MB'],
  ])('fails %s, with the reason in /message/status, and sends nothing', async (_, path, fields, reason) => {
    const { contact, messageId } = await send(path, fields);

    const failed = await statusOnce(messageId, (data) => data.status === 'failed');

    expect(failed.failureReason).toBe(reason);
    expect(failed.history.at(-1)).toMatchObject({ status: 'failed', reason });
    expect((await sim(`/contacts/${contact}/messages`)).body).toEqual([]);
  });
});
