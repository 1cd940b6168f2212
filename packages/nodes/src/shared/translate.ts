// The built-in node types in the languages Afterglow speaks. Serbian is written once, in
// Cyrillic: the Latin texts are the Cyrillic ones transliterated (toLatin), and 'sr-Latn' is
// always as complete as 'sr-Cyrl', so localizeNode's fallback from 'sr-Latn' to plain 'sr'
// (Cyrillic, Serbian's default script) never shows a Latin reader a Cyrillic word.
import { negotiateLocale, toLatin, type Locale } from '@afterglow/i18n';
import type { NodeText, SummaryNames } from '@afterglow/node-sdk';
import { fieldWords, pieces, placeholder } from './merge-words';

/** What a node type writes: Serbian in Cyrillic only; English stays in the definition. */
export interface NodeTranslations { 'sr-Cyrl': NodeText; sl: NodeText; ru: NodeText }

function latin<T>(value: T): T {
  if (typeof value === 'string') return toLatin(value) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, latin(v)])) as T;
  return value;
}

/** A definition's `translations`: each locale, Serbian Latin derived, and plain 'sr' as Cyrillic. */
export function translated(t: NodeTranslations): Record<string, NodeText> {
  return { 'sr-Cyrl': t['sr-Cyrl'], 'sr-Latn': latin(t['sr-Cyrl']), sr: t['sr-Cyrl'], sl: t.sl, ru: t.ru };
}

/** A count's words by plural category; each language names the categories it has. */
export type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Formatting for one summary, in the reader's locale. */
export interface Say {
  locale: Locale;
  /**
   * The marketer's own text (an event name, a reason): shown as written, never transliterated,
   * but for its merge fields, which read as words ("Hi «first name»"), never as `{{ … }}`.
   */
  quote(text: string): string;
  /**
   * The name of a template, segment or step the config refers to, quoted as written; null when
   * it was deleted; undefined when the reader's names are not known (say it without the name).
   */
  name(kind: keyof SummaryNames, id: string): string | null | undefined;
  number(n: number): string;
  /** "3 дана", "5 дней", "2 dneva": the number and the word its plural category takes. */
  count(n: number, forms: Forms): string;
}

export type Language = 'en' | 'sr' | 'sl' | 'ru';

/** A summary per language; Serbian in Cyrillic (transliterated for 'sr-Latn' readers). */
export type Summaries<C> = Record<Language, (config: C, say: Say) => string>;

// Sentinels around quoted text while the Serbian line is transliterated: control characters no
// language's text holds.
const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * The summary for `locale` (any tag: 'sr-Latn-RS', 'sr', 'de' → English), naming what the config
 * refers to through `names` (the SDK's SummaryNames, filled by the editor).
 */
export function summarize<C>(summaries: Summaries<C>, config: C, locale?: string, names?: SummaryNames): string {
  const l = negotiateLocale(locale ?? 'en');
  const language: Language = l === 'sr-Cyrl' || l === 'sr-Latn' ? 'sr' : l;
  const kept: string[] = [];
  const keep = (text: string) => `${OPEN}${kept.push(text) - 1}${CLOSE}`;
  const numbers = new Intl.NumberFormat(l);
  const plural = new Intl.PluralRules(l);
  // A merge field the editor offers is said in the reader's language; any other by its own name.
  const field = (path: string) => {
    const { words, own } = fieldWords(path, language);
    return placeholder(language, own ? keep(words) : words);
  };
  const quote = (text: string) => pieces(text).map((p) => ('text' in p ? keep(p.text) : field(p.field))).join('');
  const say: Say = {
    locale: l,
    quote,
    name: (kind, id) => {
      const lookUp = names?.[kind];
      if (!lookUp) return undefined;
      const name = lookUp(id);
      return name === undefined ? null : quote(name);
    },
    number: (n) => numbers.format(n),
    count: (n, forms) => `${numbers.format(n)} ${forms[plural.select(n)] ?? forms.other}`,
  };
  const line = summaries[language](config, say);
  const script = l === 'sr-Latn' ? toLatin(line) : line;
  return script.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_, i: string) => kept[Number(i)]);
}
