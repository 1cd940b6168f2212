import type { Locale } from '@afterglow/i18n';
import { describe, expect, it } from 'vitest';
import { htmlLiquid } from './liquid';
import { formatGlobals, type EmailFormat } from './locale-filters';

const render = (source: string, format: Partial<EmailFormat> = {}, data: object = {}) =>
  htmlLiquid.parseAndRenderSync(source, data, { globals: formatGlobals({ locale: 'en', currency: 'EUR', timeZone: 'UTC', ...format }) });
// Intl writes no-break spaces (before a currency, between Russian digit groups): compared as plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it("writes the email's currency in its locale's way", () => {
    const order = { order: { total: 1234 } };
    expect(plain(render('{{ order.total | money }}', { locale: 'sr-Cyrl', currency: 'RSD' }, order))).toBe('1.234,00 RSD');
    expect(plain(render('{{ order.total | money }}', { locale: 'sr-Latn', currency: 'RSD' }, order))).toBe('1.234,00 RSD');
    expect(plain(render('{{ order.total | money }}', { locale: 'ru', currency: 'RUB' }, order))).toBe('1 234,00 ₽');
    expect(plain(render('{{ order.total | money }}', { locale: 'sl', currency: 'EUR' }, order))).toBe('1234,00 €'); // Slovenian groups from five digits
    expect(render('{{ order.total | money }}', { locale: 'en', currency: 'USD' }, order)).toBe('$1,234.00');
  });

  it('takes a currency named in the template over the default, and stays empty for no amount', () => {
    expect(plain(render("{{ 21 | money: 'EUR' }}", { locale: 'sr-Cyrl', currency: 'RSD' }))).toBe('21,00 €');
    expect(render('{{ missing | money }}')).toBe('');
  });
});

describe('number', () => {
  it('groups and separates as the locale does; an argument fixes the decimals', () => {
    expect(render('{{ 1234567.5 | number }}', { locale: 'sr-Cyrl' })).toBe('1.234.567,5');
    expect(plain(render('{{ 1234.5 | number: 2 }}', { locale: 'ru' }))).toBe('1 234,50');
    expect(render("{{ 'x' | number }}")).toBe('');
  });
});

describe('format_date', () => {
  it('writes a date in the locale, a calendar date the same day everywhere', () => {
    const birthday = { d: '2026-12-10' };
    expect(render("{{ d | format_date: 'long' }}", { locale: 'sr-Cyrl', timeZone: 'America/Los_Angeles' }, birthday)).toBe('10. децембар 2026.');
    expect(render("{{ d | format_date: 'long' }}", { locale: 'sr-Latn' }, birthday)).toBe('10. decembar 2026.');
    expect(render("{{ d | format_date: 'long' }}", { locale: 'sl' }, birthday)).toBe('10. december 2026');
    expect(render("{{ d | format_date: 'long' }}", { locale: 'ru' }, birthday)).toBe('10 декабря 2026 г.');
    expect(render('{{ d | format_date }}', { locale: 'en' }, birthday)).toBe('Dec 10, 2026');
  });

  it("shows an instant in the customer's time zone", () => {
    const at = { t: '2026-12-10T23:30:00Z' };
    expect(render("{{ t | format_date: 'short' }}", { locale: 'sr-Latn', timeZone: 'Europe/Belgrade' }, at)).toBe('11. 12. 2026.');
    expect(render("{{ t | format_date: 'short' }}", { locale: 'sr-Latn', timeZone: 'Not/AZone' }, at)).toBe('10. 12. 2026.');
  });

  it("leaves Liquid's strftime date filter and non-dates as they were", () => {
    expect(render("{{ '2026-12-10' | date: '%d.%m.%Y' }}", { locale: 'ru' })).toBe('10.12.2026');
    expect(render("{{ 'soon' | format_date: 'long' }}", { locale: 'ru' })).toBe('soon');
  });
});

describe('plural', () => {
  const counts = (source: string, locale: Locale) => [1, 2, 5, 21, 102].map((points) => render(source, { locale }, { points })).join(', ');

  it("picks each language's form of the count, forms given in the order one, two, few, many, other", () => {
    expect(counts("{{ points | plural: '# point', '# points' }}", 'en')).toBe('1 point, 2 points, 5 points, 21 points, 102 points');
    expect(counts("{{ points | plural: '# бод', '# бода', '# бодова' }}", 'sr-Cyrl')).toBe('1 бод, 2 бода, 5 бодова, 21 бод, 102 бода');
    expect(counts("{{ points | plural: '# točka', '# točki', '# točke', '# točk' }}", 'sl')).toBe('1 točka, 2 točki, 5 točk, 21 točk, 102 točki');
    expect(counts("{{ points | plural: '# балл', '# балла', '# баллов', '# балла' }}", 'ru')).toBe('1 балл, 2 балла, 5 баллов, 21 балл, 102 балла');
  });

  it('takes forms by name, formats the count, and writes Serbian in the reader’s script', () => {
    expect(render("{{ 3 | plural: one: '# балл', few: '# балла', other: '# баллов' }}", { locale: 'ru' })).toBe('3 балла');
    expect(render("{{ 1500 | plural: '# бод', '# бода', '# бодова' }}", { locale: 'sr-Latn' })).toBe('1.500 bodova');
    expect(render("{{ 2 | plural: 'bod', 'boda', 'bodova' }}", { locale: 'sr-Cyrl' })).toBe('бода');
  });
});
