// The dispatcher's own MIME builder (packages/email/src/mime.ts), read back by mailparser: every
// subject, body and header comes back as given, in any script, with any line shape.
import { buildMime, encodeQuotedPrintable } from '@afterglow/email';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';

const lf = (s: string) => s.replace(/\r\n/g, '\n');
const base = {
  from: 'Afterglow Demo Shop <shop@afterglow.local>', to: 'ana@example.com', messageId: '<m1@afterglow.local>',
  headers: { 'List-Unsubscribe': '<https://shop.example/u/abc>, <mailto:u@shop.example?subject=unsubscribe>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  date: new Date('2026-12-03T10:00:00Z'),
};

it('writes lines of at most 76 characters and never splits a character', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
    const encoded = encodeQuotedPrintable(text);
    for (const line of encoded.split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line).toMatch(/^[!-~ \t]*$/);
      expect(line).not.toMatch(/[ \t]$/);
      // A soft break never falls inside a character's bytes (a continuation byte starting a line).
      expect(line).not.toMatch(/^=[89AB][0-9A-F]/);
    }
  }), { numRuns: 300 });
});

it('reads back what it was given, whatever the script and the line shapes', async () => {
  const body = fc.string({ unit: 'binary', maxLength: 300 }).map((s) => s.replace(/\r/g, ''));
  await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).map((s) => Array.from(s, (ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch)).join('')), body, body, async (subject, html, text) => {
    const mail = await simpleParser(buildMime({ ...base, subject, html: html || '<p></p>', text }));
    const words = (s: string | undefined) => (s ?? '').trim().replace(/\s+/g, ' ');
    expect(words(mail.subject)).toBe(words(subject));
    expect(lf(mail.html || '')).toBe(html || '<p></p>');
    if (text) expect(lf(mail.text ?? '')).toBe(text);
  }), { numRuns: 150 });
});

it('writes the addresses, Message-ID, date and headers a receiver reads', async () => {
  const html = `<p>${'Поздрав из продавнице. '.repeat(3)}</p>\n.leading dot\n<p>${'x'.repeat(1000)}</p>`;
  const raw = buildMime({ ...base, subject: 'Недељне понуде за вас, Ана', html, text: 'Здраво Ана, ово су понуде ове недеље.' });
  const mail = await simpleParser(raw);
  expect(mail.from?.value[0]).toEqual({ name: 'Afterglow Demo Shop', address: 'shop@afterglow.local' });
  expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : null).toBe('ana@example.com');
  expect(mail.messageId).toBe('<m1@afterglow.local>');
  expect(mail.date?.toISOString()).toBe('2026-12-03T10:00:00.000Z');
  expect(mail.subject).toBe('Недељне понуде за вас, Ана');
  expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  expect(String(raw)).toContain('Content-Type: multipart/alternative');
  expect(lf(mail.html || '')).toBe(html);
  expect(mail.text).toBe('Здраво Ана, ово су понуде ове недеље.');
  // Markup is quoted-printable (shorter, readable); text mostly in Cyrillic is base64 (shorter).
  expect(String(raw)).toMatch(/text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64/);
  expect(String(raw)).toMatch(/text\/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable/);
  // Every line of the source stays within SMTP's limit.
  for (const line of String(raw).split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
});

it('quotes a sender name with special characters, encodes one in another script, and sends HTML alone when there is no text', async () => {
  const raw = buildMime({ ...base, from: '"Shop, Inc." <shop@x.example>', subject: 's', html: '<p>x</p>', text: '' });
  const quoted = await simpleParser(raw);
  expect(quoted.from?.value[0]).toEqual({ name: 'Shop, Inc.', address: 'shop@x.example' });
  expect(String(raw)).not.toContain('text/plain');
  const named = await simpleParser(buildMime({ ...base, from: 'Продавница Ана <shop@x.example>', subject: 's', html: '<p>x</p>', text: '' }));
  expect(named.from?.value[0]).toEqual({ name: 'Продавница Ана', address: 'shop@x.example' });
});
