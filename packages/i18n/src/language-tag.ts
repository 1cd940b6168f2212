// A customer's language as the shop sends it ('sr_RS', 'sr-latn-rs', 'ru'), made one canonical
// BCP 47 tag ('sr-RS', 'sr-Latn-RS', 'ru') so equal languages are equal text in the database and
// a segment can match 'sr' against every Serbian tag by its subtags. Isomorphic: ingestion, the
// customer page's procedure and segment rules read tags with this one rule.

/** At most this many characters: a tag with a region, script and a few extensions fits easily. */
export const MAX_LANGUAGE_TAG = 100;

/**
 * The canonical form of a language tag, or null when it is not one. Underscores (Java, ICU,
 * Shopify's 'sr_RS') count as hyphens. Only a real language subtag of 2 or 3 letters is taken:
 * 'English' is syntactically a tag (a reserved 7-letter subtag) but is a language's name, and
 * 'und' (undetermined) says nothing.
 */
export function canonicalLanguageTag(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const tag = value.trim().replaceAll('_', '-');
  if (tag === '' || tag.length > MAX_LANGUAGE_TAG) return null;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return null; // not a language tag
  }
  if (!canonical) return null;
  const language = new Intl.Locale(canonical).language;
  return /^[a-z]{2,3}$/.test(language) && language !== 'und' ? canonical : null;
}
