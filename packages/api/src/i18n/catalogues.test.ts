// No API message left behind: every locale has exactly English's keys, every message parses as
// ICU in its locale, names the same values as English, and gives every plural the forms its
// language needs (the checks are @afterglow/i18n's, the same for every catalogue).
import { catalogueProblems } from '@afterglow/i18n/catalogue-check';
import { expect, it } from 'vitest';
import { messages } from './catalogue';

it('has every locale\'s messages complete and well-formed', () => {
  expect(catalogueProblems(messages, { name: 'messages/' })).toEqual([]);
});
