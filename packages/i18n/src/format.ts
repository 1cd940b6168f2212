// Numbers, money and dates in a locale, through Intl only (CLDR data ships with every browser and
// with Node's full ICU): decimal separators, currency placement and date order come out as each
// market writes them, e.g. 1.234,50 RSD in Serbian, 1 234,50 ₽ in Russian.
import type { Locale } from './locales';

export const CURRENCIES = ['RSD', 'EUR', 'RUB', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** An amount in major units (12.5 is twelve and a half euros) with the currency's own decimals. */
export function formatCurrency(locale: Locale, amount: number, currency: Currency): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}

export type DateStyle = 'short' | 'medium' | 'long';

/** A date (no time) in the locale's order and month names; the time zone is the caller's choice. */
export function formatDate(locale: Locale, date: Date, style: DateStyle = 'medium', timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone }).format(date);
}

/** A date and time, e.g. for "last run" columns. */
export function formatDateTime(locale: Locale, date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
