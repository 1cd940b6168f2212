import { describe, expect, it } from 'vitest';
import { acceptedLanguages, currentLocale, requestLocale, withLocale } from './request-locale';

describe('acceptedLanguages', () => {
  it('orders the tags by q, keeping the header\'s order among equals, and drops q=0, * and empty parts', () => {
    expect(acceptedLanguages('de;q=0.5, sr-Latn-RS, ru;q=0.9, en;q=0, *;q=0.1,,fr')).toEqual(['sr-Latn-RS', 'fr', 'ru', 'de']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});

describe('requestLocale', () => {
  it('prefers the user\'s own language, then the header\'s first one Afterglow speaks, then English', () => {
    expect(requestLocale('sl', 'ru')).toBe('sl');
    expect(requestLocale(null, 'de-DE,de;q=0.9,sr;q=0.8')).toBe('sr-Cyrl');
    expect(requestLocale(null, 'de-DE')).toBe('en');
    expect(requestLocale(undefined, 'not a tag;q=1, ru')).toBe('ru');
  });
});

it('keeps the locale in scope for the call only', async () => {
  const seen = await withLocale('ru', async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return currentLocale();
  });
  expect([seen, currentLocale()]).toEqual(['ru', 'en']);
});
