// Validation messages in the user's language: a node's own (its translations' `messages`), the
// SDK's ready-made fields', and zod's built-in ones, which follow the app's language (the
// wording @afterglow/i18n gives the API's answers too, Serbian in both scripts).
import { configIssues } from '@afterglow/node-sdk';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { switchLanguage } from '../i18n';
import { testNodeType } from './testNodeType';
import './zodLocale';

const messages = (locale: string) => {
  const config = { ...testNodeType.defaults, message: 'Hi', points: -1, delay: { amount: 0, unit: 'hours' }, headers: [{ key: 'X', value: 'a' }, { key: 'X', value: 'b' }] };
  return Object.fromEntries(configIssues(testNodeType, config, locale).map((i) => [i.field, i.message]));
};

afterEach(() => switchLanguage('en'));

it('speaks English by default', () => {
  expect(messages('en')).toEqual({ points: 'Too small: expected number to be >=0', 'delay.amount': 'At least 1', headers: 'Each name once' });
});

it.each([
  ['ru', 'Не меньше 0', 'Не меньше 1', 'Каждое название только один раз'],
  ['sl', 'Najmanj 0', 'Najmanj 1', 'Vsako ime le enkrat'],
  ['sr-Cyrl', 'Најмање 0', 'Најмање 1', 'Сваки назив само једном'],
  ['sr-Latn', 'Najmanje 0', 'Najmanje 1', 'Svaki naziv samo jednom'],
] as const)('speaks %s once the app does', async (locale, zodOwn, sdkField, sdkRefinement) => {
  await switchLanguage(locale);
  expect(messages(locale)).toEqual({ points: zodOwn, 'delay.amount': sdkField, headers: sdkRefinement });
});

it('says the Serbian plural forms of a length', async () => {
  await switchLanguage('sr-Latn');
  const tooLong = (max: number) => z.string().max(max).safeParse('x'.repeat(30)).error!.issues[0].message;
  expect([tooLong(1), tooLong(3), tooLong(25)]).toEqual(['Najviše 1 znak', 'Najviše 3 znaka', 'Najviše 25 znakova']);
});
