// The languages Afterglow speaks, in one typed list, and the one rule that maps any language tag
// (a browser's navigator.languages, an Accept-Language entry, a customer's trait) onto them.
// Isomorphic: the web app, the API and the email renderer all negotiate the same way.

export const LOCALES = ['en', 'sr-Cyrl', 'sr-Latn', 'sl', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language's own name, for a language picker (a reader finds theirs whatever the UI shows). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'sr-Cyrl': 'Српски (ћирилица)',
  'sr-Latn': 'Srpski (latinica)',
  sl: 'Slovenščina',
  ru: 'Русский',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null; // not a language tag
  }
}

// One tag onto a supported locale, or null. Serbian takes its script from the tag, else from
// CLDR's likely script for the region (sr and sr-RS are Cyrillic, sr-ME Latin).
function match(tag: string): Locale | null {
  const canon = canonical(tag);
  if (!canon) return null;
  if (isLocale(canon)) return canon;
  const locale = new Intl.Locale(canon);
  if (locale.language === 'sr') return locale.maximize().script === 'Latn' ? 'sr-Latn' : 'sr-Cyrl';
  return isLocale(locale.language) ? locale.language : null;
}

/**
 * The supported locale for a tag or a list of tags in preference order (the first that matches
 * wins); English when none does. Invalid tags are skipped, never thrown on.
 */
export function negotiateLocale(requested: string | readonly string[] | null | undefined): Locale {
  const tags = typeof requested === 'string' ? [requested] : (requested ?? []);
  for (const tag of tags) {
    const found = match(tag);
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}
