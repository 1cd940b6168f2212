// The dashboard's numbers in the reader's locale; days as UTC (the rollups' days).
import { formatNumber, type Locale } from '@afterglow/i18n';

export const count = (locale: Locale, n: number) => formatNumber(locale, n, { maximumFractionDigits: 0 });
export const money = (locale: Locale, n: number) => formatNumber(locale, n, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const percent = (locale: Locale, share: number | null) =>
  share === null ? '–' : formatNumber(locale, share, { style: 'percent', maximumFractionDigits: 1 });

export const utcDay = (locale: Locale, day: string, withYear = false) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' })
    .format(new Date(`${day}T00:00:00Z`));

export const utcMonth = (locale: Locale, month: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
