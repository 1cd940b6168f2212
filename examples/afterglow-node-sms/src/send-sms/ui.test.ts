// What the marketer reads about Send SMS: the card's line (what the message costs) and the
// node's texts in the shops' languages.
import { localizeNode, summaryOf } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { sendSmsV2 } from './definition.js';
import { sendSmsV1 } from './v1.js';

const base = { kind: 'marketing', whenCapped: 'skip', countryCode: '' };

describe('Send SMS on the canvas', () => {
  it('sums up the message with its SMS count and encoding', () => {
    expect(summaryOf(sendSmsV2, { ...base, alphabet: 'keep', message: 'Hi {{ customer.firstName }}!' })).toBe('“Hi «first name»!” · 1 segment, GSM-7');
    expect(summaryOf(sendSmsV2, { ...base, alphabet: 'keep', message: 'Привет, {{ customer.firstName }}! {{ event.order_id }}' }, 'ru')).toMatch(/^“Привет, «имя»! «order id»” · /);
    const cyrillic = 'Драга Марија, само данас 20% попуста на целу летњу колекцију уз код ЛЕТО20!';
    expect(summaryOf(sendSmsV2, { ...base, alphabet: 'keep', message: cyrillic })).toBe('“Драга Марија, само данас 20% попуст…” · 2 segments, UCS-2');
    expect(summaryOf(sendSmsV2, { ...base, alphabet: 'latin', message: cyrillic })).toBe('“Draga Marija, samo danas 20% popust…” · 1 segment, GSM-7');
    expect(summaryOf(sendSmsV1, { kind: 'marketing', text: 'Hi!' })).toBe('“Hi!” · 1 segment, GSM-7');
  });

  it('says the count in the reader\'s language, with its plural forms', () => {
    const message = (n: number) => ({ ...base, alphabet: 'keep', message: 'ж'.repeat(67 * n) });
    expect(summaryOf(sendSmsV2, message(2), 'sr-Latn')).toMatch(/· 2 segmenta, UCS-2$/);
    expect(summaryOf(sendSmsV2, message(5), 'sr-Latn-RS')).toMatch(/· 5 segmenata, UCS-2$/);
    expect(summaryOf(sendSmsV2, message(2), 'sr-Cyrl')).toMatch(/· 2 сегмента, UCS-2$/);
    expect(summaryOf(sendSmsV2, message(2), 'sl')).toMatch(/· 2 segmenta, UCS-2$/);
    expect(summaryOf(sendSmsV2, message(3), 'sl')).toMatch(/· 3 segmenti, UCS-2$/);
    expect(summaryOf(sendSmsV2, message(5), 'ru')).toMatch(/· 5 сегментов, UCS-2$/);
    expect(summaryOf(sendSmsV2, message(1), 'de')).toMatch(/· 1 segment, UCS-2$/);
  });

  it('carries its texts in Serbian (both scripts), Slovenian and Russian', () => {
    const meta = sendSmsV2.config.shape.alphabet.meta()!;
    const cases: [string, string, string, string][] = [
      ['sr-Latn', 'Pošalji SMS', 'Isporučeno', 'Pismo'],
      ['sr-Cyrl', 'Пошаљи СМС', 'Испоручено', 'Писмо'],
      ['sr-RS', 'Пошаљи СМС', 'Испоручено', 'Писмо'],
      ['sl', 'Pošlji SMS', 'Dostavljeno', 'Pisava'],
      ['ru', 'Отправить SMS', 'Доставлено', 'Алфавит'],
      ['en', 'Send SMS', 'Delivered', 'Alphabet'],
    ];
    for (const [locale, label, delivered, alphabet] of cases) {
      const text = localizeNode(sendSmsV2, locale);
      expect(text.label, locale).toBe(label);
      expect(text.counter(sendSmsV2.counters![1]), locale).toBe(delivered);
      expect(text.field('alphabet', meta).label, locale).toBe(alphabet);
    }
    expect(localizeNode(sendSmsV2, 'ru').field('alphabet', meta).options).toEqual([
      { value: 'keep', label: 'Как написано' }, { value: 'latin', label: 'Латиница без диакритики (GSM-7: 160 символов в SMS)' },
    ]);
    expect(localizeNode(sendSmsV1, 'sl').field('text', sendSmsV1.config.shape.text.meta()!).label).toBe('Sporočilo');
  });
});
