// What a catalogue test asks of every set of ICU catalogues (the web app's, the API's errors, the
// recipients' pages, zod's): each locale has exactly the source's keys; every message is ICU that
// parses in its locale, names the same values and tags as the source's, and gives each plural the
// forms its language needs (Russian one/few/many/other, Slovenian one/two/few/other, Serbian
// one/few/other); Serbian Latin is Serbian Cyrillic transliterated. A subpath of its own
// (@afterglow/i18n/catalogue-check): only tests import it.
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Locale } from './locales';
import type { Catalogue } from './messages';
import { toLatin } from './transliterate';

// The AST of intl-messageformat: arguments (types 1..6) and tags (8) have a name in `value`;
// select (5) and plural (6) have options, tags children, each a nested message.
interface Element { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] }
const PLURAL = 6;
const TAG = 8;

/** The values and tags (`<name>`) a message names, and each of its plurals' forms. */
function shape(ast: Element[], found = { names: new Set<string>(), plurals: [] as string[][] }) {
  for (const el of ast) {
    if (((el.type >= 1 && el.type <= PLURAL) || el.type === TAG) && typeof el.value === 'string') found.names.add(el.type === TAG ? `<${el.value}>` : el.value);
    if (el.type === PLURAL && el.options) found.plurals.push(Object.keys(el.options));
    for (const option of Object.values(el.options ?? {})) shape(option.value, found);
    shape(el.children ?? [], found);
  }
  return found;
}

const listed = (names: Iterable<string>) => `{${[...names].sort().join(', ')}}`;

function messageProblems(message: unknown, source: unknown, locale: Locale, sourceLocale: Locale, where: string): string[] {
  if (typeof message !== 'string') return [`${where}: not a message (a ${typeof message})`];
  let found: ReturnType<typeof shape>;
  try {
    found = shape(new IntlMessageFormat(message, locale).getAst() as Element[]);
  } catch (error) {
    return [`${where}: not a valid ICU message: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (typeof source === 'string') {
    let expected: Set<string> | undefined;
    try {
      expected = shape(new IntlMessageFormat(source, sourceLocale).getAst() as Element[]).names;
    } catch {
      // the source's own problem, reported where it is checked
    }
    if (expected && listed(found.names) !== listed(expected)) problems.push(`${where}: names ${listed(found.names)}, the ${sourceLocale} message ${listed(expected)}`);
  }
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.filter((c) => c !== 'zero');
  for (const forms of found.plurals) {
    const missing = needed.filter((c) => !forms.includes(c));
    if (missing.length > 0) problems.push(`${where}: a plural lacks the form(s) ${missing.join(', ')}`);
  }
  return problems;
}

export interface CatalogueCheck {
  /** The locale whose keys and names the others must have (English unless it has no catalogue). */
  source?: Locale;
  /** The locales that must have a catalogue (all of them unless said). */
  locales?: readonly Locale[];
  /** Where the catalogues are, written before each problem's locale ('messages/', 'shell.json '). */
  name?: string;
}

/** Everything wrong with a set of catalogues, one line each: none when it is complete and well-formed. */
export function catalogueProblems(catalogues: Partial<Record<Locale, Catalogue>>, check: CatalogueCheck = {}): string[] {
  const { source = 'en', locales = LOCALES, name = '' } = check;
  const at = (locale: Locale, key?: string) => `${name}${locale}${key === undefined ? '' : ` ${key}`}`;
  const original = catalogues[source];
  if (!original) return [`${at(source)}: no catalogue`];
  const problems: string[] = [];
  for (const locale of locales) {
    const catalogue = catalogues[locale];
    if (!catalogue) {
      problems.push(`${at(locale)}: no catalogue`);
      continue;
    }
    for (const key of Object.keys(original)) if (!(key in catalogue)) problems.push(`${at(locale, key)}: missing`);
    for (const [key, message] of Object.entries(catalogue)) {
      if (!(key in original)) problems.push(`${at(locale, key)}: not in the ${source} catalogue`);
      problems.push(...messageProblems(message, original[key], locale, source, at(locale, key)));
    }
  }
  const [cyrillic, latin] = [catalogues['sr-Cyrl'], catalogues['sr-Latn']];
  if (cyrillic && latin) {
    for (const key of new Set([...Object.keys(cyrillic), ...Object.keys(latin)])) {
      if (latin[key] !== (typeof cyrillic[key] === 'string' ? toLatin(cyrillic[key]) : undefined)) problems.push(`${at('sr-Latn', key)}: not the sr-Cyrl message transliterated`);
    }
  }
  return problems;
}
