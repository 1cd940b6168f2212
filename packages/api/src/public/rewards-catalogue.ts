// The My rewards page's texts in every locale (messages/rewards.<locale>.json), kept apart
// from the other recipients' pages' catalogue like the review page's; the shared frame (language
// switch, bad link) still speaks from that one.
import type { Locale } from '@afterglow/i18n';
import { messageFormatter, withSerbianLatin } from '@afterglow/i18n/messages';
import en from './messages/rewards.en.json' with { type: 'json' };
import ru from './messages/rewards.ru.json' with { type: 'json' };
import sl from './messages/rewards.sl.json' with { type: 'json' };
import srCyrl from './messages/rewards.sr-Cyrl.json' with { type: 'json' };
import { escapeHtml } from './escape';

export type RewardsMessageKey = keyof typeof en;

export const REWARDS_CATALOGUES = withSerbianLatin({ en, 'sr-Cyrl': srCyrl, sl, ru });
const format = messageFormatter<RewardsMessageKey>(REWARDS_CATALOGUES);

/** A message as plain text. */
export const rewardsText = (locale: Locale, key: RewardsMessageKey, values: Record<string, string | number> = {}): string =>
  format(locale, key, values);

/** A message as HTML, its values escaped with it. */
export const rewardsHtml = (locale: Locale, key: RewardsMessageKey, values: Record<string, string | number> = {}): string =>
  escapeHtml(rewardsText(locale, key, values));
