// The Loyalty page's numbers and bucket names in the reader's locale. Buckets are UTC (the API's
// days, ISO weeks and months), so their dates are written in UTC too: a day never shifts by one.
import { formatDate, formatNumber, type Locale } from '@afterglow/i18n';
import type { Api, inferOutput } from '../trpc';

export type LoyaltyAnalytics = inferOutput<Api['loyalty']['analytics']>;
export type Bucket = LoyaltyAnalytics['period']['bucket'];

export const points = (locale: Locale, value: number) => formatNumber(locale, value, { maximumFractionDigits: 0 });

/** A day or a week by its first day (with the year over a year's period); a month by its name and year. */
export function bucketLabel(locale: Locale, start: string, period: Pick<LoyaltyAnalytics['period'], 'bucket' | 'days'>): string {
  const date = new Date(start);
  if (period.bucket === 'month') return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  const year = period.days > 90 ? { year: 'numeric' as const } : {};
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...year, timeZone: 'UTC' }).format(date);
}

export const utcDay = (locale: Locale, iso: string) => formatDate(locale, new Date(iso), 'medium', 'UTC');
