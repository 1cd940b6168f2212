// The ranges of the columns that take numbers and times from outside, in one place, so a
// schema refuses (400, naming the field) what Postgres would refuse with an error (a 500):
// an order total of 1e10 into numeric(12,2), a quantity past int4, a date-time with a UTC
// offset of +23:59. Schemas of ingestion, Shopify webhooks and anything else writing these
// columns take their bounds from here.
import { z } from 'zod';

/**
 * numeric(12,2) (orders.total, order_items.price, products.price): ten digits before the
 * point once Postgres has rounded to cents, so 9,999,999,999.995 already overflows.
 */
const MONEY_MAX = 9_999_999_999.99;
export const fitsMoney = (value: number) => Math.abs(value) < MONEY_MAX + 0.005;
export const moneyMessage = (field: string) => `${field} is at most 9,999,999,999.99`;

/** int4 (order_items.quantity and other counters). */
const INT4_MAX = 2_147_483_647;

/** A line's quantity: a whole number an order can hold, far inside int4. */
export const QUANTITY_MAX = 1_000_000;

/** A money amount as shops send it, a number or a decimal string ("19.90"): not negative, within numeric(12,2). */
export const moneyAmount = (field: string) => z.union([
  z.number().finite(),
  z.string().trim().regex(/^-?\d+(\.\d+)?$/, `${field} must be a number such as 19.90`).transform(Number),
], { error: `${field} must be a number such as 19.90` })
  .refine((v) => v >= 0, `${field} must not be negative`)
  .refine(fitsMoney, moneyMessage(field));

/** A whole number within int4, not negative. */
export const int4 = (field: string) => z.number({ error: `${field} must be a whole number` })
  .int(`${field} must be a whole number`).min(0, `${field} must not be negative`).max(INT4_MAX, `${field} is at most ${INT4_MAX}`);

const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * timestamptz from an ISO 8601 date-time: Postgres reads UTC offsets up to ±15:59 only, and
 * has no year 0 (ISO's 0000); the instant must also be one JavaScript writes back with a
 * four-digit year (0001-9999 UTC), as the engine passes it on as a Date.
 */
export function fitsTimestamptz(iso: string): boolean {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (offset && Number(offset[2]) > 15) return false;
  const at = Date.parse(iso);
  return at >= FIRST_INSTANT && at <= LAST_INSTANT;
}

/** An ISO 8601 date-time with an offset (`error` when it is not one) that fits timestamptz. */
export const timestamptz = (field: string, error: string) => z.iso.datetime({ offset: true, local: false, error })
  .refine(fitsTimestamptz, {
    message: `${field} must be in the years 0001-9999, with a UTC offset of at most ±15:59`,
    when: (payload) => payload.issues.length === 0, // not a date-time at all: said once, above
  });

/** date from an ISO 8601 date: ISO's year 0000 (1 BC) is not one Postgres reads. */
export const fitsDate = (iso: string) => !iso.startsWith('0000');
