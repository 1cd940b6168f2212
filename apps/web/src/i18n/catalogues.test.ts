// No string left behind: every locale has exactly English's namespaces and keys, every message
// parses as ICU in its locale, uses the same placeholders as English, and every plural gives each
// form the language needs, so a missing or stray translation fails here, not in front of a shop
// (the checks are @afterglow/i18n's, the same for every catalogue). Serbian is written once: the
// Latin files are the Cyrillic ones transliterated, kept as files because Vite loads them.
import { LOCALES } from '@afterglow/i18n';
import { catalogueProblems } from '@afterglow/i18n/catalogue-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, 'locales');

const namespaces = (locale: string) => readdirSync(path.join(ROOT, locale)).filter((f) => f.endsWith('.json')).sort();
const read = (locale: string, file: string) => JSON.parse(readFileSync(path.join(ROOT, locale, file), 'utf8'));

it.each(LOCALES)('has English\'s namespaces in %s, no more, no less', (locale) => {
  expect(namespaces(locale)).toEqual(namespaces('en'));
});

it.each(namespaces('en'))('has %s complete and well-formed in every locale, Serbian Latin the Cyrillic transliterated', (file) => {
  const catalogues = Object.fromEntries(LOCALES.filter((l) => namespaces(l).includes(file)).map((l) => [l, read(l, file)]));
  expect(catalogueProblems(catalogues, { name: `${file} ` })).toEqual([]);
});
