// Numbers of the journey report in the reader's locale; the period as UTC days (the rollups' days).
import { formatNumber, type Locale } from '@afterglow/i18n';

export const count = (locale: Locale, n: number) => formatNumber(locale, n, { maximumFractionDigits: 0 });
export const money = (locale: Locale, n: number) => formatNumber(locale, n, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const percent = (locale: Locale, share: number | null) =>
  share === null ? '–' : formatNumber(locale, share, { style: 'percent', maximumFractionDigits: 1 });
/** A difference in percentage points, signed. */
export const points = (locale: Locale, d: number) => formatNumber(locale, d * 100, { maximumFractionDigits: 1, signDisplay: 'always' });
export const signedMoney = (locale: Locale, d: number) =>
  formatNumber(locale, d, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'always' });

export const PERIOD_DAYS = [7, 30, 90, 365] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];

/** The last `days` UTC days up to today, as the report's from and to. */
export function periodOf(days: PeriodDays, today = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

export function bucketLabel(locale: Locale, start: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${start}T00:00:00Z`));
}
