// ICU message catalogues, said the same way on the server and in the browser: one catalogue per
// locale (English the source), a message named by its key and given its values, compiled once per
// locale the first time it is said. Serbian is written once, in Cyrillic; its Latin catalogue is
// made here, by transliteration, so the two scripts cannot drift.
import { IntlMessageFormat, type FormatXMLElementFn, type PrimitiveType } from 'intl-messageformat';
import type { Locale } from './locales';
import { toLatin } from './transliterate';

export type Catalogue = Record<string, string>;

/** The values a message names: text and numbers, or for a tag (`<link>…</link>`) what its words become. */
export type MessageValues = Record<string, PrimitiveType | FormatXMLElementFn<string>>;

/** Every locale's catalogue from the written ones: Serbian Latin is Serbian Cyrillic transliterated. */
export function withSerbianLatin(written: Record<Exclude<Locale, 'sr-Latn'>, Catalogue>): Record<Locale, Catalogue> {
  const latin = Object.fromEntries(Object.entries(written['sr-Cyrl']).map(([key, message]) => [key, toLatin(message)]));
  return { ...written, 'sr-Latn': latin };
}

/**
 * What says the catalogues' messages: a key's message in the locale, with its values, in the
 * locale's plural rules and number formats. Throws when the locale has no such message or it
 * cannot be formatted (a value it names is not given): the caller decides what to say instead.
 */
export function messageFormatter<Key extends string>(catalogues: Record<Locale, Catalogue>) {
  const compiled = new Map<string, IntlMessageFormat>();
  return (locale: Locale, key: Key, values?: MessageValues): string => {
    const id = `${locale}\u0000${key}`;
    let format = compiled.get(id);
    if (!format) {
      const message = catalogues[locale][key];
      if (message === undefined) throw new Error(`No message ${key} in the ${locale} catalogue`);
      compiled.set(id, format = new IntlMessageFormat(message, locale));
    }
    return String(format.format(values));
  };
}
