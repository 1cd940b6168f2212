// The My rewards page leaves no text behind: every locale has English's keys, each message parses
// with English's placeholders, each plural has its language's forms.
import { catalogueProblems } from '@afterglow/i18n/catalogue-check';
import { expect, it } from 'vitest';
import { REWARDS_CATALOGUES, rewardsText } from './rewards-catalogue';

it('has every locale\'s texts complete and well-formed, Serbian Latin the Cyrillic transliterated', () => {
  expect(catalogueProblems(REWARDS_CATALOGUES, { name: 'public/messages/rewards.' })).toEqual([]);
});

it('counts points in each language\'s plural forms', () => {
  expect(rewardsText('ru', 'points', { count: 5 })).toBe('5 баллов');
  expect(rewardsText('sl', 'points', { count: 2 })).toBe('2 točki');
  expect(rewardsText('sr-Latn', 'points', { count: 3 })).toBe('3 boda');
  expect(rewardsText('en', 'expired.text', { days: 90 })).toContain('90 days');
});
