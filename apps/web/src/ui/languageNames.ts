// Languages named in the reader's own language, from the browser's CLDR data (Intl.DisplayNames):
// 'sr-Latn' reads "Serbian (Latin)" to an English reader and "српски (латиница)" to a Serbian one,
// so a customer's or a rule's language needs no catalogue entry for every tag a shop may send.
import { LOCALE_NAMES, LOCALES, isLocale, type Locale } from '@afterglow/i18n';

const namers = new Map<Locale, Intl.DisplayNames>();

/** The tag's language in `reader`'s words; the tag itself when the browser cannot name it. */
export function languageName(tag: string, reader: Locale): string {
  if (!namers.has(reader)) namers.set(reader, new Intl.DisplayNames([reader], { type: 'language', fallback: 'code' }));
  try {
    return namers.get(reader)!.of(tag) ?? tag;
  } catch {
    return tag; // not a tag the browser accepts
  }
}

/**
 * A customer's language as a choice among Afterglow's five (each named in itself, as in the user
 * menu) or, for any other tag a shop sent ('en-CA', 'de'), named in the reader's language.
 */
export function customerLanguageName(tag: string, reader: Locale): string {
  return isLocale(tag) ? LOCALE_NAMES[tag] : languageName(tag, reader);
}

/** The languages a segment rule offers: each language, then its scripts ('sr', 'sr-Cyrl', 'sr-Latn'). */
export const RULE_LANGUAGES: readonly string[] = [...new Set(LOCALES.flatMap((l) => [l.split('-')[0], l]))];
