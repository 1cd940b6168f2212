// The API's own messages (not found, conflicts, refusals) in every locale: ICU messages under
// stable keys in messages/<locale>.json, English the source and every key's fallback. Code
// names a message by key and values (`text('notFound.journey', { id })`), never by its words,
// so rewording or translating one touches only the catalogues. Serbian is written once, in
// Cyrillic; the Latin catalogue is its transliteration, made here so the two cannot drift.
import { toLatin, type Locale } from '@afterglow/i18n';
import { IntlMessageFormat } from 'intl-messageformat';
import en from './messages/en.json';
import ru from './messages/ru.json';
import sl from './messages/sl.json';
import srCyrl from './messages/sr-Cyrl.json';

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number>;

/** A message to say in the reader's language: its key and the values it names. */
export interface Text { key: MessageKey; values?: MessageValues }

export const text = (key: MessageKey, values?: MessageValues): Text => ({ key, values });

export type Catalogue = Record<string, string>;

/** A Cyrillic catalogue in Latin script (Serbian's second script). */
const latinOf = (catalogue: Catalogue): Catalogue =>
  Object.fromEntries(Object.entries(catalogue).map(([key, message]) => [key, toLatin(message)]));

/** Each locale's catalogue, Serbian Latin derived from Serbian Cyrillic. */
export function byLocale(catalogues: Record<Exclude<Locale, 'sr-Latn'>, Catalogue>): Record<Locale, Catalogue> {
  return { ...catalogues, 'sr-Latn': latinOf(catalogues['sr-Cyrl']) };
}

export const messages = byLocale({ en, 'sr-Cyrl': srCyrl, sl, ru });

const compiled = new Map<string, IntlMessageFormat>();

/** An ICU message with its values, in the locale's plural rules and number formats (compiled once). */
export function formatMessage(message: string, locale: Locale, values?: MessageValues): string {
  const id = `${locale}\u0000${message}`;
  let format = compiled.get(id);
  if (!format) compiled.set(id, format = new IntlMessageFormat(message, locale));
  return String(format.format(values));
}

/**
 * The text in the locale, else in English. A message that cannot be formatted (a value its
 * translation names but the code does not give) falls back to English, then to the key: a
 * wording problem never turns a refusal into a 500.
 */
export function say(text: Text, locale: Locale): string {
  for (const catalogue of [messages[locale], messages.en]) {
    const message = catalogue[text.key];
    if (message === undefined) continue;
    try {
      return formatMessage(message, catalogue === messages.en ? 'en' : locale, text.values);
    } catch {
      // the next catalogue
    }
  }
  return text.key;
}
