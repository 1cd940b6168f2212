// The editor's draft of a template: the main text in the main language and a variant per other
// language (subject, preview text, body each). Serbian is one variant, written in one script and
// previewed in both. Pure functions over the draft, so the editor's state changes stay one-liners.
import type { Locale } from '@afterglow/i18n';

export const TEMPLATE_LANGUAGES = ['en', 'sr', 'sl', 'ru'] as const;
export type Language = (typeof TEMPLATE_LANGUAGES)[number];
export type SerbianLocale = 'sr-Cyrl' | 'sr-Latn';

export interface Text { subject: string; preheader: string; body: string }
export interface Draft extends Text {
  name: string;
  kind: 'marketing' | 'transactional';
  language: Language;
  variants: Partial<Record<Language, Text>>;
}

const asLanguage = (value: string): Language => (TEMPLATE_LANGUAGES as readonly string[]).includes(value) ? (value as Language) : 'en';

/** A draft from what the API returns (a language it does not know is English). */
export function draftOf(t: Text & { name: string; kind: string; language: string; variants: Partial<Record<Language, Text>> }): Draft {
  return {
    name: t.name, kind: t.kind === 'transactional' ? 'transactional' : 'marketing', language: asLanguage(t.language),
    subject: t.subject, preheader: t.preheader, body: t.body, variants: t.variants,
  };
}

/** The main language first, then the variants in the usual order. */
export const languagesOf = (d: Draft): Language[] => [d.language, ...TEMPLATE_LANGUAGES.filter((l) => l !== d.language && d.variants[l])];

export const textOf = (d: Draft, language: Language): Text => (language === d.language ? d : d.variants[language] ?? d);

export function withText(d: Draft, language: Language, patch: Partial<Text>): Draft {
  if (language === d.language) return { ...d, ...patch };
  return { ...d, variants: { ...d.variants, [language]: { ...textOf(d, language), ...patch } } };
}

/** A new language starts as a copy of the main text: the layout stays, the words get translated. */
export const addLanguage = (d: Draft, language: Language): Draft =>
  ({ ...d, variants: { ...d.variants, [language]: { subject: d.subject, preheader: d.preheader, body: d.body } } });

export function removeLanguage(d: Draft, language: Language): Draft {
  const { [language]: _, ...rest } = d.variants;
  return { ...d, variants: rest };
}

/** The locale a tab is previewed in: Serbian in the script picked, the others as they are. */
export const previewLocale = (language: Language, serbian: SerbianLocale): Locale => (language === 'sr' ? serbian : language);

/** Issues of a save name their variant (`variants.sr.body`); the tab's own are its `subject` and `body`. */
export function issuesOf<T extends { field: string }>(issues: T[], d: Draft, language: Language): T[] {
  const prefix = language === d.language ? '' : `variants.${language}.`;
  return issues.filter((i) => (prefix ? i.field.startsWith(prefix) : !i.field.startsWith('variants.')))
    .map((i) => ({ ...i, field: i.field.slice(prefix.length) }));
}
