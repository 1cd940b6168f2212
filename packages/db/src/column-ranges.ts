// What the column types that take values from outside can hold, in one place: the API's
// input policy builds its schemas on these (a 400 naming the field), and the engine checks
// what it copies from events into typed columns, so no such value reaches Postgres to fail
// there (a 500) instead.

/**
 * numeric(12,2) (orders.total, order_items.price, products.price, conversions.revenue): ten
 * digits before the point once Postgres has rounded to cents, so 9,999,999,999.995 already
 * overflows.
 */
export const MONEY_MAX = 9_999_999_999.99;
export const fitsMoney = (value: number) => Number.isFinite(value) && Math.abs(value) < MONEY_MAX + 0.005;

/** int4 (order_items.quantity and other counters). */
export const INT4_MAX = 2_147_483_647;

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

/** date from an ISO 8601 date: ISO's year 0000 (1 BC) is not one Postgres reads. */
export const fitsDate = (iso: string) => !iso.startsWith('0000');
