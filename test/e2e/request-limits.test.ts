import { beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_LINE_AND_HEADERS_MAX_BYTES } from '../../shared/http/request-limits.ts';
import { queryTextMaxBytes } from '../../shared/schemas/messages.ts';
import { api } from '../support/http.ts';
import { registerUser } from '../support/users.ts';

let headers: Record<string, string>;
beforeAll(async () => {
  headers = { 'x-api-key': (await registerUser()).apiKey };
});

const sendTextUrl = (text: string) => `/message/send-text?session=no-such-session&to=6287654321&text=${encodeURIComponent(text)}`;

describe('the deprecated GET /message/send-text', () => {
  it('answers a request line and headers over the gateway limit with 431 in the error shape', async () => {
    const answer = await api(sendTextUrl('a'.repeat(REQUEST_LINE_AND_HEADERS_MAX_BYTES)), { headers });

    expect(answer.status).toBe(431);
    expect(answer.body).toEqual({ success: false, error: 'Request line and headers are larger than 10,240 bytes' });
  });

  it('takes its longest text past the gateway to the handler, and refuses one more byte there', async () => {
    // "é" travels as %C3%A9: six bytes.
    const accented = 'é'.repeat(Math.floor(queryTextMaxBytes / 6));
    const longestText = accented + 'a'.repeat(queryTextMaxBytes - 6 * accented.length);

    const longest = await api(sendTextUrl(longestText), { headers });
    const longer = await api(sendTextUrl(`${longestText}a`), { headers });

    // The session check comes after validation: reaching it means the text was accepted.
    expect(longest.body).toEqual({ success: false, error: 'Session does not exist' });
    expect(longer.status).toBe(400);
    expect(longer.body.error).toContain(`text: must be at most ${queryTextMaxBytes} bytes URL-encoded`);
  });

  it('states that maximum for `text` in the OpenAPI document', async () => {
    const { body: spec } = await api('/api-docs/spec');

    const text = spec.paths['/message/send-text'].get.parameters.find((parameter: { name: string }) => parameter.name === 'text');

    expect(text.schema.maxLength).toBe(queryTextMaxBytes);
    expect(text.description).toMatch(/8,192 bytes once URL-encoded.*POST takes up to 65,536 characters/);
  });
});

describe('send input', () => {
  it('refuses a document name with a bidirectional control and a text with a lone surrogate, with 400 naming the field', async () => {
    const disguised = {
      session: 'no-such-session',
      to: '6287654321',
      document_url: 'https://example.com/a.pdf',
      document_name: 'invoice\u202Efdp.exe',
    };

    const document = await api('/message/send-document', { body: disguised, headers });
    // JSON.stringify writes the lone surrogate as the escape `\ud800`, which the API parses back to one.
    const text = await api('/message/send-text', {
      body: { session: 'no-such-session', to: '6287654321', text: 'broken \ud800' },
      headers,
    });

    expect(document.status).toBe(400);
    expect(document.body).toEqual({
      success: false,
      error: expect.stringContaining('document_name: must not contain bidirectional control characters'),
    });
    expect(text.status).toBe(400);
    expect(text.body).toEqual({ success: false, error: expect.stringContaining('text: must be well-formed Unicode') });
  });
});
