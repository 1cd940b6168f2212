// The API's own messages (not found, conflicts, refusals) in every locale: ICU messages under
// stable keys in messages/<locale>.json, English the source and every key's fallback. Code
// names a message by key and values (`text('notFound.journey', { id })`), never by its words,
// so rewording or translating one touches only the catalogues. Loading, Serbian's Latin
// catalogue and formatting are @afterglow/i18n's (shared with the recipients' pages).
import type { Locale } from '@afterglow/i18n';
import { messageFormatter, withSerbianLatin } from '@afterglow/i18n/messages';
import en from './messages/en.json';
import ru from './messages/ru.json';
import sl from './messages/sl.json';
import srCyrl from './messages/sr-Cyrl.json';

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number>;

/** A message to say in the reader's language: its key and the values it names. */
export interface Text { key: MessageKey; values?: MessageValues }

export const text = (key: MessageKey, values?: MessageValues): Text => ({ key, values });

export const messages = withSerbianLatin({ en, 'sr-Cyrl': srCyrl, sl, ru });
const format = messageFormatter<MessageKey>(messages);

/**
 * The text in the locale, else in English. A message that cannot be formatted (a value its
 * translation names but the code does not give) falls back to English, then to the key: a
 * wording problem never turns a refusal into a 500.
 */
export function say(text: Text, locale: Locale): string {
  for (const inLocale of [locale, 'en'] as const) {
    try {
      return format(inLocale, text.key, text.values);
    } catch {
      // the next catalogue
    }
  }
  return text.key;
}
