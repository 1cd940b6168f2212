import { describe, expect, it } from 'vitest';
import { acceptedLanguages, currentLocale, requestedLocale, withLocale } from './request-locale';

describe('acceptedLanguages', () => {
  it('orders the tags by q, keeping the header\'s order among equals, and drops q=0, * and empty parts', () => {
    expect(acceptedLanguages('de;q=0.5, sr-Latn-RS, ru;q=0.9, en;q=0, *;q=0.1,,fr')).toEqual(['sr-Latn-RS', 'fr', 'ru', 'de']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});

describe('requestedLocale', () => {
  it('is the header\'s first language Afterglow speaks, else English', () => {
    expect(requestedLocale('de-DE,de;q=0.9,sr;q=0.8')).toBe('sr-Cyrl');
    expect(requestedLocale('de-DE')).toBe('en');
    expect(requestedLocale('not a tag;q=1, ru')).toBe('ru');
    expect(requestedLocale(undefined)).toBe('en');
  });
});

it('keeps the locale in scope for the call only', async () => {
  const seen = await withLocale('ru', async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return currentLocale();
  });
  expect([seen, currentLocale()]).toEqual(['ru', 'en']);
});
