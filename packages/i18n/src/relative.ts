// "2 minutes ago", "yesterday", "in 3 days" as each language says it: Intl.RelativeTimeFormat
// carries CLDR's wording and plurals (пре 2 минута, 2 минуты назад, pred 2 minutama), so no
// catalogue repeats them. The unit is the largest whole one that fits; `now` is the caller's clock.
import type { Locale } from './locales';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400], ['month', 30 * 86_400], ['week', 7 * 86_400], ['day', 86_400], ['hour', 3_600], ['minute', 60],
];

/** How long ago (or how soon) `date` is from `now`; under a minute is "now". */
export function formatRelativeTime(locale: Locale, date: Date, now: Date = new Date()): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const unit = UNITS.find(([, size]) => Math.abs(seconds) >= size);
  return unit ? format.format(Math.trunc(seconds / unit[1]), unit[0]) : format.format(0, 'second');
}
