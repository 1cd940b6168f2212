// Liquid filters that write money, numbers, dates and plurals the way the email's reader writes
// them: in the locale the email is served in (variants.ts), the order's currency or the shop's,
// the customer's time zone. The render passes these through Liquid's per-render globals, under a
// key no template can name, so one compiled template serves every locale.
import { toCyrillic, toLatin, type Locale } from '@afterglow/i18n';
import type { Context } from 'liquidjs';

/** What LiquidJS binds `this` to in a filter (its FilterImpl, not exported by the package). */
interface FilterImpl { context: Context }

export interface EmailFormat {
  locale: Locale;
  /** For `money` without an argument: the order's currency, else the shop's. */
  currency: string;
  /** The customer's IANA time zone, for `format_date`. */
  timeZone: string;
}

export const DEFAULT_FORMAT: EmailFormat = { locale: 'en', currency: 'EUR', timeZone: 'UTC' };
export const FORMAT_GLOBAL = '\u0000format';

export const formatGlobals = (format: EmailFormat) => ({ [FORMAT_GLOBAL]: format });

function formatOf(impl: FilterImpl): EmailFormat {
  const globals = impl.context.globals as Record<string, unknown> | undefined;
  return (globals?.[FORMAT_GLOBAL] as EmailFormat | undefined) ?? DEFAULT_FORMAT;
}

// Intl formatters cost far more to build than to use, and an email formats many values: one of
// each kind per (locale, options), kept for the process.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let hit = formatters.get(key) as T | undefined;
  if (!hit) {
    hit = make(); // throws for an unknown currency or time zone: not cached
    if (formatters.size < 5_000) formatters.set(key, hit);
  }
  return hit;
}

const toNumber = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

/** Formats an amount as money, e.g. `{{ item.price | money: order.currency }}` → €21.00. */
export function formatMoney(value: unknown, currency: unknown = 'EUR', locale: string = 'en'): string {
  const amount = toNumber(value);
  if (amount === null) return '';
  const code = typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : 'EUR';
  try {
    return cached(`m:${locale}:${code}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: code })).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${code}`; // a well-formed but unknown ISO code
  }
}

/** `{{ order.total | money }}`: in the order's (else the shop's) currency; `money: 'RSD'` names one. */
export function moneyFilter(this: FilterImpl, value: unknown, currency?: unknown): string {
  const format = formatOf(this);
  return formatMoney(value, currency ?? format.currency, format.locale);
}

/** `{{ points | number }}` → 1.234 in Serbian; `number: 2` fixes the decimals. */
export function numberFilter(this: FilterImpl, value: unknown, decimals?: unknown): string {
  const n = toNumber(value);
  if (n === null) return '';
  const { locale } = formatOf(this);
  const digits = toNumber(decimals);
  const fixed = digits === null ? null : Math.min(20, Math.max(0, Math.trunc(digits)));
  return cached(`n:${locale}:${fixed}`, () => new Intl.NumberFormat(locale, fixed === null ? {} : { minimumFractionDigits: fixed, maximumFractionDigits: fixed })).format(n);
}

const DATE_STYLES = ['short', 'medium', 'long', 'full'] as const;
type DateStyle = (typeof DATE_STYLES)[number];
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date as Liquid's `date` reads one: a Date, Unix seconds, 'now', or a date string. */
function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value !== 'string' || value === '') return null;
  if (value === 'now' || value === 'today') return new Date();
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * `{{ customer.birthday | format_date: 'long' }}` → "10. децембар 1815." in Serbian: the style is
 * short, medium (the default), long or full. A calendar date (2026-12-10) is that day wherever
 * the customer is; an instant is shown in the customer's time zone. Not a date: left as it is.
 */
export function formatDateFilter(this: FilterImpl, value: unknown, style?: unknown): unknown {
  const date = toDate(value);
  if (!date) return value;
  const { locale, timeZone } = formatOf(this);
  const dateStyle: DateStyle = DATE_STYLES.includes(style as DateStyle) ? (style as DateStyle) : 'medium';
  const zone = typeof value === 'string' && DATE_ONLY.test(value) ? 'UTC' : timeZone;
  const make = (tz: string) => cached(`d:${locale}:${dateStyle}:${tz}`, () => new Intl.DateTimeFormat(locale, { dateStyle, timeZone: tz }));
  try {
    return make(zone).format(date);
  } catch {
    return make('UTC').format(date); // a time zone this runtime does not know
  }
}

// The CLDR plural categories in their usual order: the forms a filter is given follow it.
const CATEGORIES: Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * `{{ points | plural: 'бод', 'бода', 'бодова' }}`: the word for the count, its forms given in
 * the order one, two, few, many, other, keeping only those the language has (English one,
 * other; Serbian one, few, other; Slovenian one, two, few, other; Russian one, few, many,
 * other), or by name (`plural: one: 'точка', other: 'точек'`). A # in a form is the count.
 * A Serbian form is written in the script of the variant; it follows the customer's script.
 */
export function pluralFilter(this: FilterImpl, value: unknown, ...forms: unknown[]): string {
  const n = toNumber(value) ?? 0;
  const { locale } = formatOf(this);
  const rules = cached(`p:${locale}`, () => new Intl.PluralRules(locale));
  const own = CATEGORIES.filter((c) => rules.resolvedOptions().pluralCategories.includes(c));
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (const form of forms) {
    if (Array.isArray(form)) named.set(String(form[0]), String(form[1] ?? ''));
    else positional.push(String(form ?? ''));
  }
  const category = rules.select(n);
  const index = own.indexOf(category);
  const chosen = named.get(category) ?? positional[index] ?? named.get('other') ?? positional.at(-1) ?? '';
  const text = chosen.replace(/#/g, () => numberFilter.call(this, n));
  if (locale === 'sr-Latn') return toLatin(text);
  return locale === 'sr-Cyrl' ? toCyrillic(text) : text;
}
