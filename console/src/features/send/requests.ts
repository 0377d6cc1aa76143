import type { paths } from '../../api/schema.d.ts';

/** Every kind of message the API sends, by the route that sends it. */
export const sendPaths = {
  text: '/message/send-text',
  image: '/message/send-image',
  document: '/message/send-document',
  sticker: '/message/send-sticker',
  video: '/message/send-video',
  audio: '/message/send-audio',
  location: '/message/send-location',
  contact: '/message/send-contact',
  poll: '/message/send-poll',
  reaction: '/message/send-reaction',
  edit: '/message/edit',
  delete: '/message/delete',
} as const;

export type MessageKind = keyof typeof sendPaths;
export const messageKinds = Object.keys(sendPaths) as MessageKind[];
type SendPath = (typeof sendPaths)[MessageKind];
export type SendBody<P extends SendPath> = paths[P]['post']['requestBody']['content']['application/json'];
export type SendRequest = {
  [K in MessageKind]: { kind: K; path: (typeof sendPaths)[K]; body: SendBody<(typeof sendPaths)[K]> };
}[MessageKind];

/** The media kinds, each with the field its URL goes in. */
export const mediaUrlFields = {
  image: 'image_url',
  document: 'document_url',
  sticker: 'image_url',
  video: 'video_url',
  audio: 'audio_url',
} as const;
export type MediaKind = keyof typeof mediaUrlFields;
export const isMediaKind = (kind: MessageKind): kind is MediaKind => kind in mediaUrlFields;

/** Kinds that go to the chat of the message they name: no recipient, no reply, no mentions. */
export const targetsAMessage = (kind: MessageKind) => kind === 'reaction' || kind === 'edit' || kind === 'delete';
/** Kinds whose routes take `reply_to` and `mentions`. */
export const takesReply = (kind: MessageKind) => !targetsAMessage(kind) && kind !== 'video' && kind !== 'audio';

/** The form's fields as typed, by name; checkboxes are "on" when ticked. */
export type FormValues = Readonly<Record<string, string | undefined>>;

/** A field the person must fix before anything is sent. */
export class FieldProblem extends Error {}

const text = (values: FormValues, name: string) => values[name]?.trim() || undefined;
const required = (values: FormValues, name: string, label: string) => {
  const value = text(values, name);
  if (value === undefined) throw new FieldProblem(`${label} is required.`);
  return value;
};
const number = (values: FormValues, name: string, label: string) => {
  const value = Number(required(values, name, label));
  if (!Number.isFinite(value)) throw new FieldProblem(`${label} must be a number.`);
  return value;
};
const lines = (value: string | undefined) =>
  (value ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const ticked = (values: FormValues, name: string) => values[name] === 'on';

/** The request that sends this kind of message from the form's values; `mediaId` is an upload's, which wins over a URL. */
export function buildSendRequest(kind: MessageKind, values: FormValues, mediaId?: string): SendRequest {
  const session = required(values, 'session', 'Session');
  if (kind === 'reaction')
    return {
      kind,
      path: sendPaths[kind],
      body: { session, message_id: required(values, 'message_id', 'Message id'), emoji: values.emoji?.trim() ?? '' },
    };
  if (kind === 'edit')
    return {
      kind,
      path: sendPaths[kind],
      body: { session, message_id: required(values, 'message_id', 'Message id'), text: required(values, 'text', 'Text') },
    };
  if (kind === 'delete')
    return { kind, path: sendPaths[kind], body: { session, message_id: required(values, 'message_id', 'Message id') } };

  const recipient = { session, to: required(values, 'to', 'Recipient'), is_group: ticked(values, 'is_group') };
  const mentions = (text(values, 'mentions') ?? '').split(/[\s,]+/).filter(Boolean);
  const reply = { ...(text(values, 'reply_to') ? { reply_to: text(values, 'reply_to') } : {}), ...(mentions.length ? { mentions } : {}) };
  const caption = text(values, 'text') ? { text: values.text } : {};
  const media = <F extends string>(field: F) => {
    if (mediaId) return { media_id: mediaId };
    const url = text(values, 'url');
    if (!url) throw new FieldProblem('Choose a file to upload or give its URL.');
    return { [field]: url } as Record<F, string>;
  };

  switch (kind) {
    case 'text':
      return { kind, path: sendPaths[kind], body: { ...recipient, text: required(values, 'text', 'Text'), ...reply } };
    case 'image':
      return { kind, path: sendPaths[kind], body: { ...recipient, ...media('image_url'), ...caption, ...reply } };
    case 'document': {
      const name = text(values, 'document_name');
      return {
        kind,
        path: sendPaths[kind],
        body: { ...recipient, ...media('document_url'), ...(name ? { document_name: name } : {}), ...caption, ...reply },
      };
    }
    case 'sticker':
      return { kind, path: sendPaths[kind], body: { ...recipient, ...media('image_url'), ...reply } };
    case 'video':
      return {
        kind,
        path: sendPaths[kind],
        body: { ...recipient, ...media('video_url'), ...caption, ...(ticked(values, 'gif_playback') ? { gif_playback: true } : {}) },
      };
    case 'audio':
      return {
        kind,
        path: sendPaths[kind],
        body: { ...recipient, ...media('audio_url'), ...(ticked(values, 'ptt') ? { ptt: true } : {}) },
      };
    case 'location': {
      const place = {
        ...(text(values, 'name') ? { name: text(values, 'name') } : {}),
        ...(text(values, 'address') ? { address: text(values, 'address') } : {}),
      };
      return {
        kind,
        path: sendPaths[kind],
        body: {
          ...recipient,
          latitude: number(values, 'latitude', 'Latitude'),
          longitude: number(values, 'longitude', 'Longitude'),
          ...place,
          ...reply,
        },
      };
    }
    case 'contact':
      return { kind, path: sendPaths[kind], body: { ...recipient, contacts: contactCards(values.contacts), ...reply } };
    case 'poll': {
      const options = lines(values.options);
      const selectable = text(values, 'selectable_count')
        ? { selectable_count: number(values, 'selectable_count', 'Choices per voter') }
        : {};
      return {
        kind,
        path: sendPaths[kind],
        body: { ...recipient, question: required(values, 'question', 'Question'), options, ...selectable, ...reply },
      };
    }
  }
}

/** Contacts typed one a line as "Name, number". */
function contactCards(value: string | undefined): { name: string; phone: string }[] {
  const cards = lines(value).map((line) => {
    const comma = line.lastIndexOf(',');
    if (comma < 1) throw new FieldProblem(`Write each contact as "Name, number": "${line}" has no comma.`);
    return { name: line.slice(0, comma).trim(), phone: line.slice(comma + 1).trim() };
  });
  if (cards.length === 0) throw new FieldProblem('Give at least one contact.');
  return cards;
}
