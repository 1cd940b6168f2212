// No string left behind: every locale has exactly English's namespaces and keys, every message
// parses as ICU in its locale, uses the same placeholders as English, and every plural gives each
// form the language needs (Russian one/few/many/other, Slovenian one/two/few/other, Serbian
// one/few/other), so a missing or stray translation fails here, not in front of a shop. Serbian
// is written once: the Latin catalogues are the Cyrillic ones transliterated.
import { LOCALES, toLatin } from '@afterglow/i18n';
import { IntlMessageFormat } from 'intl-messageformat';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, 'locales');
type Catalogue = Record<string, string>;

const namespaces = (locale: string) => readdirSync(path.join(ROOT, locale)).filter((f) => f.endsWith('.json')).sort();
const read = (locale: string, file: string): Catalogue => JSON.parse(readFileSync(path.join(ROOT, locale, file), 'utf8'));

// The AST of intl-messageformat: argument (1..6) elements have a name; select (5) and plural (6)
// have options, each a nested message.
interface Element { type: number; value?: unknown; options?: Record<string, { value: Element[] }> }
const PLURAL = 6;

/** Placeholder names, and each plural's forms, found in a message. */
function shape(ast: Element[], found = { args: new Set<string>(), plurals: [] as string[][] }) {
  for (const el of ast) {
    if (el.type >= 1 && el.type <= 6 && typeof el.value === 'string') found.args.add(el.value);
    if (el.type === PLURAL && el.options) found.plurals.push(Object.keys(el.options));
    for (const option of Object.values(el.options ?? {})) shape(option.value, found);
  }
  return found;
}

const english = Object.fromEntries(namespaces('en').map((file) => [file, read('en', file)]));

describe.each(LOCALES)('the %s catalogues', (locale) => {
  it('have the same namespaces and keys as English, no more, no less', () => {
    expect(namespaces(locale)).toEqual(namespaces('en'));
    for (const file of namespaces('en')) {
      expect(Object.keys(read(locale, file)).sort(), `${locale}/${file}`).toEqual(Object.keys(english[file]).sort());
    }
  });

  it('hold ICU messages with English\'s placeholders and every plural form the language needs', () => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const file of namespaces(locale).filter((f) => f in english)) {
      for (const [key, message] of Object.entries(read(locale, file))) {
        const where = `${locale}/${file} ${key}`;
        expect(typeof message, where).toBe('string');
        let ast: Element[];
        try {
          ast = new IntlMessageFormat(message, locale).getAst() as Element[];
        } catch (error) {
          throw new Error(`${where}: not a valid ICU message: ${(error as Error).message}`, { cause: error });
        }
        const { args, plurals } = shape(ast);
        const source = english[file][key];
        if (source !== undefined) expect([...args].sort(), where).toEqual([...shape(new IntlMessageFormat(source, 'en').getAst() as Element[]).args].sort());
        for (const forms of plurals) expect(forms, where).toEqual(expect.arrayContaining(needed.filter((c) => c !== 'zero' || forms.includes('zero'))));
      }
    }
  });
});

it('has Serbian Latin exactly as the transliteration of Serbian Cyrillic (one Serbian text, two scripts)', () => {
  for (const file of namespaces('sr-Cyrl')) {
    const latin = Object.fromEntries(Object.entries(read('sr-Cyrl', file)).map(([key, message]) => [key, toLatin(message)]));
    expect(read('sr-Latn', file), file).toEqual(latin);
  }
});
