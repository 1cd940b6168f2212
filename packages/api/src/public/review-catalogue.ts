// The hosted review page's texts in every locale (messages/reviews.<locale>.json), kept apart
// from the other recipients' pages' catalogue; the shared frame (language switch, bad link)
// still speaks from that one.
import type { Locale } from '@afterglow/i18n';
import { messageFormatter, withSerbianLatin } from '@afterglow/i18n/messages';
import en from './messages/reviews.en.json' with { type: 'json' };
import ru from './messages/reviews.ru.json' with { type: 'json' };
import sl from './messages/reviews.sl.json' with { type: 'json' };
import srCyrl from './messages/reviews.sr-Cyrl.json' with { type: 'json' };
import { escapeHtml } from './escape';

export type ReviewMessageKey = keyof typeof en;

export const REVIEW_CATALOGUES = withSerbianLatin({ en, 'sr-Cyrl': srCyrl, sl, ru });
const format = messageFormatter<ReviewMessageKey>(REVIEW_CATALOGUES);

/** A message as plain text. */
export const reviewText = (locale: Locale, key: ReviewMessageKey, values: Record<string, string | number> = {}): string =>
  format(locale, key, values);

/** A message as HTML, its values escaped with it. */
export const reviewHtml = (locale: Locale, key: ReviewMessageKey, values: Record<string, string | number> = {}): string =>
  escapeHtml(reviewText(locale, key, values));
