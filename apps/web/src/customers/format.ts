// Dates and money on the customer screens, in the user's language (absent dates read as a dash).
import { formatDate, formatDateTime, formatNumber, type Locale } from '@afterglow/i18n';

export const day = (locale: Locale, value: string | null | undefined) => (value ? formatDate(locale, new Date(value)) : '—');
export const moment = (locale: Locale, value: string | null | undefined) => (value ? formatDateTime(locale, new Date(value)) : '—');

/** Any ISO currency an order carries (a shop's orders are not limited to Afterglow's four). */
export const money = (locale: Locale, amount: number, currency: string) => formatNumber(locale, amount, { style: 'currency', currency });

/** A calendar date ('1990-04-23', a birthday): the same day wherever the reader is. */
export const calendarDay = (locale: Locale, value: string | null | undefined) =>
  (value ? formatDate(locale, new Date(value), 'medium', 'UTC') : '—');
