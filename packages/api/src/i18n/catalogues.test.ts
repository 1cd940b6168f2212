// No API message left behind: every locale has exactly English's keys, every message parses as
// ICU in its locale, names the same values as English, and gives every plural the forms its
// language needs (Russian one/few/many/other, Slovenian one/two/few/other, Serbian one/few/other).
// zod's messages have no English catalogue (English is zod's own wording): the other languages
// must agree with each other instead.
import { LOCALES, type Locale } from '@afterglow/i18n';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { byLocale, messages, type Catalogue } from './catalogue';
import ru from './zod/ru.json';
import sl from './zod/sl.json';
import srCyrl from './zod/sr-Cyrl.json';

// The AST of intl-messageformat: argument elements (1..6) have a name; select (5) and plural (6) options nest.
interface Element { type: number; value?: unknown; options?: Record<string, { value: Element[] }> }
const PLURAL = 6;

function shape(ast: Element[], found = { args: new Set<string>(), plurals: [] as string[][] }) {
  for (const el of ast) {
    if (el.type >= 1 && el.type <= 6 && typeof el.value === 'string') found.args.add(el.value);
    if (el.type === PLURAL && el.options) found.plurals.push(Object.keys(el.options));
    for (const option of Object.values(el.options ?? {})) shape(option.value, found);
  }
  return found;
}

function parsed(message: string, locale: Locale, where: string) {
  try {
    return shape(new IntlMessageFormat(message, locale).getAst() as Element[]);
  } catch (error) {
    throw new Error(`${where}: not a valid ICU message: ${(error as Error).message}`, { cause: error });
  }
}

function expectWellFormed(catalogue: Catalogue, source: Catalogue, locale: Locale, name: string) {
  expect(Object.keys(catalogue).sort(), name).toEqual(Object.keys(source).sort());
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  for (const [key, message] of Object.entries(catalogue)) {
    const where = `${name} ${key}`;
    const { args, plurals } = parsed(message, locale, where);
    expect([...args].sort(), where).toEqual([...parsed(source[key], locale, where).args].sort());
    for (const forms of plurals) expect(forms, where).toEqual(expect.arrayContaining(needed.filter((c) => c !== 'zero')));
  }
}

describe.each(LOCALES)('the %s messages', (locale) => {
  it('have English\'s keys and placeholders, as ICU with every plural form the language needs', () => {
    expectWellFormed(messages[locale], messages.en, locale, `messages/${locale}`);
  });
});

const zod = byLocale({ en: {}, 'sr-Cyrl': srCyrl, sl, ru });

describe.each(LOCALES.filter((l) => l !== 'en'))('zod\'s messages in %s', (locale) => {
  it('have the keys and placeholders of the other languages, as ICU with every plural form', () => {
    expectWellFormed(zod[locale], ru, locale, `zod/${locale}`);
  });
});
