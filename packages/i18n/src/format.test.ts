import { describe, expect, it } from 'vitest';
import { formatCurrency, formatDate, formatDateTime, formatNumber } from './format';

// Intl separates groups and units with (narrow) no-break spaces: compared as plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const march5 = new Date(Date.UTC(2026, 2, 5, 14, 30));

describe('formatting in a locale', () => {
  it('numbers use each market\'s separators', () => {
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
    expect(formatNumber('sr-Latn', 1234567.5)).toBe('1.234.567,5');
    expect(plain(formatNumber('ru', 1234567.5))).toBe('1 234 567,5');
    expect(formatNumber('sl', 0.25, { style: 'percent' })).toMatch(/^25\s?%$/);
  });

  it('money in RSD, EUR, RUB and USD', () => {
    expect(plain(formatCurrency('sr-Cyrl', 1234.5, 'RSD'))).toBe('1.234,50 RSD');
    expect(plain(formatCurrency('sl', 19.9, 'EUR'))).toBe('19,90 €');
    expect(plain(formatCurrency('ru', 1234.5, 'RUB'))).toBe('1 234,50 ₽');
    expect(formatCurrency('en', 1234.5, 'USD')).toBe('$1,234.50');
    expect(formatCurrency('en', 10, 'EUR')).toBe('€10.00');
  });

  it('dates with the locale\'s order and month names', () => {
    expect(formatDate('en', march5, 'long', 'UTC')).toBe('March 5, 2026');
    expect(formatDate('sr-Cyrl', march5, 'long', 'UTC')).toBe('5. март 2026.');
    expect(formatDate('sr-Latn', march5, 'long', 'UTC')).toBe('5. mart 2026.');
    expect(formatDate('sl', march5, 'long', 'UTC')).toBe('5. marec 2026');
    expect(plain(formatDate('ru', march5, 'long', 'UTC'))).toBe('5 марта 2026 г.');
    expect(formatDate('ru', march5, 'short', 'UTC')).toBe('05.03.2026');
  });

  it('date and time in the given time zone', () => {
    expect(formatDateTime('sr-Latn', march5, 'Europe/Belgrade')).toBe('5. 3. 2026. 15:30');
  });
});
