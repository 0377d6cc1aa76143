import { describe, expect, it } from 'vitest';
import { buildSendRequest, FieldProblem, type FormValues, type MessageKind } from '../src/features/send/requests.ts';

const to = { session: 'main', to: '6287654321' };
const recipient = { session: 'main', to: '6287654321', is_group: false };

describe('building a send request from the form', () => {
  const cases: [MessageKind, FormValues, string | undefined, string, object][] = [
    [
      'text',
      { ...to, text: 'Hello', reply_to: 'msg_1' },
      undefined,
      '/message/send-text',
      { ...recipient, text: 'Hello', reply_to: 'msg_1' },
    ],
    [
      'text',
      { ...to, to: '120363041234567890@g.us', is_group: 'on', text: 'Hi @6281234567', mentions: '6281234567, 6289876543' },
      undefined,
      '/message/send-text',
      { session: 'main', to: '120363041234567890@g.us', is_group: true, text: 'Hi @6281234567', mentions: ['6281234567', '6289876543'] },
    ],
    [
      'image',
      { ...to, url: 'https://example.com/a.png', text: 'Look' },
      undefined,
      '/message/send-image',
      { ...recipient, image_url: 'https://example.com/a.png', text: 'Look' },
    ],
    ['image', { ...to, url: 'https://example.com/ignored.png' }, 'med_1', '/message/send-image', { ...recipient, media_id: 'med_1' }],
    [
      'document',
      { ...to, document_name: 'report.pdf' },
      'med_2',
      '/message/send-document',
      { ...recipient, media_id: 'med_2', document_name: 'report.pdf' },
    ],
    [
      'sticker',
      { ...to, url: 'https://example.com/s.webp' },
      undefined,
      '/message/send-sticker',
      { ...recipient, image_url: 'https://example.com/s.webp' },
    ],
    [
      'video',
      { ...to, gif_playback: 'on', text: 'Loop' },
      'med_3',
      '/message/send-video',
      { ...recipient, media_id: 'med_3', text: 'Loop', gif_playback: true },
    ],
    ['audio', { ...to, ptt: 'on' }, 'med_4', '/message/send-audio', { ...recipient, media_id: 'med_4', ptt: true }],
    [
      'location',
      { ...to, latitude: '-6.2', longitude: '106.8', name: 'Monas' },
      undefined,
      '/message/send-location',
      { ...recipient, latitude: -6.2, longitude: 106.8, name: 'Monas' },
    ],
    [
      'contact',
      { ...to, contacts: 'Ana Lima, 6281111111\nBo, +6282222222' },
      undefined,
      '/message/send-contact',
      {
        ...recipient,
        contacts: [
          { name: 'Ana Lima', phone: '6281111111' },
          { name: 'Bo', phone: '+6282222222' },
        ],
      },
    ],
    [
      'poll',
      { ...to, question: 'Lunch?', options: 'Rice\n\nNoodles\n', selectable_count: '2' },
      undefined,
      '/message/send-poll',
      { ...recipient, question: 'Lunch?', options: ['Rice', 'Noodles'], selectable_count: 2 },
    ],
    [
      'reaction',
      { session: 'main', message_id: 'msg_9', emoji: '👍', to: 'ignored' },
      undefined,
      '/message/send-reaction',
      { session: 'main', message_id: 'msg_9', emoji: '👍' },
    ],
    [
      'reaction',
      { session: 'main', message_id: 'msg_9' },
      undefined,
      '/message/send-reaction',
      { session: 'main', message_id: 'msg_9', emoji: '' },
    ],
    [
      'edit',
      { session: 'main', message_id: 'msg_9', text: 'Fixed' },
      undefined,
      '/message/edit',
      { session: 'main', message_id: 'msg_9', text: 'Fixed' },
    ],
    ['delete', { session: 'main', message_id: 'msg_9' }, undefined, '/message/delete', { session: 'main', message_id: 'msg_9' }],
  ];

  it.each(cases)('builds a %s message as its route takes it', (kind, values, mediaId, path, body) => {
    const request = buildSendRequest(kind, values, mediaId);
    expect(request.path).toBe(path);
    expect(request.body).toEqual(body);
  });

  it('asks for a file or a URL before sending media', () => {
    expect(() => buildSendRequest('image', to)).toThrow(new FieldProblem('Choose a file to upload or give its URL.'));
  });

  it('names the field that is missing or not a number', () => {
    expect(() => buildSendRequest('text', { session: 'main', to: '6287654321' })).toThrow('Text is required.');
    expect(() => buildSendRequest('location', { ...to, latitude: 'north', longitude: '1' })).toThrow('Latitude must be a number.');
    expect(() => buildSendRequest('contact', { ...to, contacts: 'Ana 6281111111' })).toThrow('has no comma');
  });
});
