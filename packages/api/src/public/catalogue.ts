// The texts of the recipients' pages in every locale: ICU messages, one JSON per locale in
// messages/ (Serbian written once, in Cyrillic; loading, its Latin catalogue and formatting are
// @afterglow/i18n's, shared with the API's errors). A message may wrap words in <link>…</link>,
// the one tag the pages need (a link inside a sentence, where word order differs by language).
import type { Locale } from '@afterglow/i18n';
import { messageFormatter, withSerbianLatin } from '@afterglow/i18n/messages';
import en from './messages/en.json' with { type: 'json' };
import ru from './messages/ru.json' with { type: 'json' };
import sl from './messages/sl.json' with { type: 'json' };
import srCyrl from './messages/sr-Cyrl.json' with { type: 'json' };
import { escapeHtml } from './escape';

export type MessageKey = keyof typeof en;
type Values = Record<string, string>;

export const CATALOGUES = withSerbianLatin({ en, 'sr-Cyrl': srCyrl, sl, ru });
const format = messageFormatter<MessageKey>(CATALOGUES);

/** A message as plain text (for a <title>, escaped where it is written). */
export function text(locale: Locale, key: MessageKey, values: Values = {}): string {
  return format(locale, key, values);
}

// Private-use characters mark where <link> opened and closed while the whole text is escaped.
const OPEN = '\ue000';
const CLOSE = '\ue001';
const MARKERS = /[\ue000\ue001]/g;

/** A message as HTML: its text and values escaped, <link>…</link> an anchor to `href`. */
export function html(locale: Locale, key: MessageKey, values: Values = {}, href = ''): string {
  const clean = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.replace(MARKERS, '')]));
  const formatted = format(locale, key, { ...clean, link: (chunks: string[]) => `${OPEN}${chunks.join('')}${CLOSE}` });
  return escapeHtml(formatted).replace(new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g'), (_, words: string) => `<a href="${escapeHtml(href)}">${words}</a>`);
}
