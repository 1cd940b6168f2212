// The Loyalty page's numbers and bucket names in the reader's locale. Buckets are the shop's time
// zone's days, ISO weeks and months (the API's), so their dates are written in that zone too: a
// day never shifts by one, wherever the reader sits.
import { formatDate, formatNumber, type Locale } from '@afterglow/i18n';
import type { Api, inferOutput } from '../trpc';

export type LoyaltyAnalytics = inferOutput<Api['loyalty']['analytics']>;
export type Bucket = LoyaltyAnalytics['period']['bucket'];

export const points = (locale: Locale, value: number) => formatNumber(locale, value, { maximumFractionDigits: 0 });

/** A day or a week by its first day (with the year over a year's period); a month by its name and year. */
export function bucketLabel(locale: Locale, start: string, period: Pick<LoyaltyAnalytics['period'], 'bucket' | 'days' | 'timeZone'>): string {
  const date = new Date(start);
  const { timeZone } = period;
  if (period.bucket === 'month') return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone }).format(date);
  const year = period.days > 90 ? { year: 'numeric' as const } : {};
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...year, timeZone }).format(date);
}

export const shopDay = (locale: Locale, iso: string, timeZone: string) => formatDate(locale, new Date(iso), 'medium', timeZone);
