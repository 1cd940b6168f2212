// The review page leaves no text behind: every locale has English's keys, each message parses
// with English's placeholders, each plural has its language's forms.
import { catalogueProblems } from '@afterglow/i18n/catalogue-check';
import { expect, it } from 'vitest';
import { REVIEW_CATALOGUES, reviewText } from './review-catalogue';

it('has every locale\'s texts complete and well-formed, Serbian Latin the Cyrillic transliterated', () => {
  expect(catalogueProblems(REVIEW_CATALOGUES, { name: 'public/messages/reviews.' })).toEqual([]);
});

it('counts stars and days in each language\'s plural forms', () => {
  expect(reviewText('ru', 'stars', { count: 5 })).toBe('5 звёзд');
  expect(reviewText('sl', 'stars', { count: 2 })).toBe('2 zvezdici');
  expect(reviewText('sr-Latn', 'stars', { count: 3 })).toBe('3 zvezdice');
  expect(reviewText('en', 'expired.text', { days: 60 })).toContain('60 days');
});
