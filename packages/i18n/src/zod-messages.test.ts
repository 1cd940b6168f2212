// zod's catalogues have no English (English is zod's own wording): the other languages must agree
// with each other, Russian standing for them. The messages themselves, said per call, are tested
// where the API and the web forms speak them.
import { LOCALES } from './locales';
import { expect, it } from 'vitest';
import { catalogueProblems } from './catalogue-check';
import { zodCatalogues } from './zod-messages';

it('has every language\'s zod messages complete and well-formed', () => {
  expect(catalogueProblems(zodCatalogues, { source: 'ru', locales: LOCALES.filter((l) => l !== 'en'), name: 'zod/' })).toEqual([]);
});
