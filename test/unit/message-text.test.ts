import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fileNameFromContentDisposition } from '../../connector/media/content-disposition.ts';
import { REQUEST_LINE_AND_HEADERS_MAX_BYTES } from '../../shared/http/request-limits.ts';
import {
  queryTextMaxBytes,
  sendDocumentBodySchema,
  sendImageBodySchema,
  sendTextBodySchema,
  sendTextQuerySchema,
} from '../../shared/schemas/messages.ts';

const recipient = { session: 'main', to: '6287654321' };
const document = { ...recipient, document_url: 'https://example.com/report.pdf' };
const problemsOf = (schema: z.ZodType, input: object) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

// Each bidirectional control, by code point: written as escapes so this file shows what it holds.
const bidiControls = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
];
const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

describe('document_name', () => {
  it.each(bidiControls.map((control) => [codePoint(control), control]))(
    'refuses the bidirectional control %s, naming the field',
    (_, control) => {
      const problems = problemsOf(sendDocumentBodySchema, { ...document, document_name: `invoice${control}fdp.exe` });

      expect(problems).toEqual(['document_name: must not contain bidirectional control characters (they can disguise the extension)']);
    },
  );

  it('accepts a name in any script, right-to-left ones included', () => {
    const problems = problemsOf(sendDocumentBodySchema, { ...document, document_name: 'تقرير الربع الثالث.pdf' });

    expect(problems).toEqual([]);
  });
});

describe('text fields', () => {
  it.each([
    ['a text', 'text', sendTextBodySchema, { ...recipient, text: 'broken \ud800 text' }],
    ['a text, as a reversed pair', 'text', sendTextBodySchema, { ...recipient, text: 'reversed \udc00\ud800' }],
    ["an image's caption", 'text', sendImageBodySchema, { ...recipient, image_url: 'https://example.com/a.png', text: 'caption \udfff' }],
    ["a document's caption", 'text', sendDocumentBodySchema, { ...document, text: '\ud83d' }],
    ["a document's name", 'document_name', sendDocumentBodySchema, { ...document, document_name: 'report\udc00.pdf' }],
    ["the deprecated GET's text", 'text', sendTextQuerySchema, { ...recipient, text: 'lone \ud800' }],
  ] as const)('refuse a lone surrogate in %s, naming the field', (_, field, schema, input) => {
    const problems = problemsOf(schema, input);

    expect(problems).toEqual([`${field}: must be well-formed Unicode (it holds a lone surrogate)`]);
  });

  it('accept characters outside the Basic Multilingual Plane, which are surrogate pairs', () => {
    const problems = problemsOf(sendTextBodySchema, { ...recipient, text: 'launch 🚀 𝄞' });

    expect(problems).toEqual([]);
  });
});

describe('the deprecated GET send-text', () => {
  it('takes a text that fits in the URL with the other parameters and headers under the gateway limit', () => {
    expect(queryTextMaxBytes).toBeLessThan(REQUEST_LINE_AND_HEADERS_MAX_BYTES);
    expect(queryTextMaxBytes).toBe(8_192);
  });

  it('counts text in URL-encoded bytes: accepts exactly the limit and refuses one more', () => {
    const accepted = [
      'a'.repeat(queryTextMaxBytes),
      // "é" is two UTF-8 bytes, %C3%A9: six URL-encoded.
      'é'.repeat(queryTextMaxBytes / 8) + 'a'.repeat(queryTextMaxBytes / 4),
    ];
    const refused = [
      'a'.repeat(queryTextMaxBytes + 1),
      'é'.repeat(queryTextMaxBytes / 8) + 'a'.repeat(queryTextMaxBytes / 4 + 1),
      '🚀'.repeat(Math.floor(queryTextMaxBytes / 12) + 1),
    ];

    expect(accepted.map((text) => problemsOf(sendTextQuerySchema, { ...recipient, text }))).toEqual([[], []]);
    for (const text of refused)
      expect(problemsOf(sendTextQuerySchema, { ...recipient, text })).toContain(
        `text: must be at most ${queryTextMaxBytes} bytes URL-encoded`,
      );
  });
});

describe('fileNameFromContentDisposition', () => {
  it('strips bidirectional controls, so a name cannot disguise its extension', () => {
    const encoded = bidiControls.map((control) => encodeURIComponent(control)).join('');

    const name = fileNameFromContentDisposition(`attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe${encoded}`);

    expect(name).toBe('invoicefdp.exe');
  });

  it('finds no name when only bidirectional controls were given', () => {
    const name = fileNameFromContentDisposition(`attachment; filename*=UTF-8''%E2%80%AE%E2%81%A6`);

    expect(name).toBeUndefined();
  });
});
