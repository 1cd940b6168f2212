import { describe, expect, it } from 'vitest';
import { LOCALES, isLocale, negotiateLocale } from './locales';

describe('negotiateLocale', () => {
  it('maps tags onto the five locales', () => {
    expect(negotiateLocale('sr')).toBe('sr-Cyrl');
    expect(negotiateLocale('sr-RS')).toBe('sr-Cyrl');
    expect(negotiateLocale('sr-Latn-RS')).toBe('sr-Latn');
    expect(negotiateLocale('sr-latn')).toBe('sr-Latn');
    expect(negotiateLocale('sr-ME')).toBe('sr-Latn');
    expect(negotiateLocale('sr-Cyrl-BA')).toBe('sr-Cyrl');
    expect(negotiateLocale('ru-RU')).toBe('ru');
    expect(negotiateLocale('sl-SI')).toBe('sl');
    expect(negotiateLocale('en-GB')).toBe('en');
  });

  it('takes the first tag of a preference list that matches', () => {
    expect(negotiateLocale(['de-DE', 'sl', 'en'])).toBe('sl');
    expect(negotiateLocale(['not a tag!', 'ru'])).toBe('ru');
  });

  it('falls back to English for unknown, invalid or missing tags', () => {
    expect(negotiateLocale('de')).toBe('en');
    expect(negotiateLocale('hr-HR')).toBe('en');
    expect(negotiateLocale('??')).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale([])).toBe('en');
    expect(negotiateLocale(null)).toBe('en');
  });

  it('knows exactly the five locales', () => {
    expect(LOCALES).toEqual(['en', 'sr-Cyrl', 'sr-Latn', 'sl', 'ru']);
    expect(isLocale('sr-Latn')).toBe(true);
    expect(isLocale('sr')).toBe(false);
  });
});
