/** The languages a starter is written in besides English; Serbian once, in Cyrillic (Latin is transliterated). */
export type StarterLocale = 'sr' | 'sl' | 'ru';

/** What a template says in one language. */
export interface StarterVariant {
  subject: string;
  preheader: string;
  /** A complete MJML document with Liquid merge fields. */
  body: string;
}

/** A ready-made template a shop starts from: seeded into the demo, offered by "New from starter". */
export interface StarterTemplate {
  /** Stable id, stored on templates made from it. */
  key: string;
  name: string;
  description: string;
  kind: 'marketing' | 'transactional';
  /** English: the template's default language. */
  subject: string;
  preheader: string;
  /** A complete MJML document with Liquid merge fields. */
  body: string;
  /** The same email in the shops' other languages: the same merge fields, the same layout. */
  variants: Record<StarterLocale, StarterVariant>;
  /** `name` and `description` in the other languages. */
  titles: Record<StarterLocale, { name: string; description: string }>;
}
