// The ranges of the columns that take numbers from outside, in one place, so a schema
// refuses (400, naming the field) what Postgres would refuse with an error (a 500): an
// order total of 1e10 into numeric(12,2), a quantity past int4. Schemas of ingestion,
// Shopify webhooks and anything else writing these columns take their bounds from here.
import { z } from 'zod';

/**
 * numeric(12,2) (orders.total, order_items.price, products.price): ten digits before the
 * point once Postgres has rounded to cents, so 9,999,999,999.995 already overflows.
 */
export const MONEY_MAX = 9_999_999_999.99;
export const fitsMoney = (value: number) => Math.abs(value) < MONEY_MAX + 0.005;
export const moneyMessage = (field: string) => `${field} is at most 9,999,999,999.99`;

/** int4 (order_items.quantity and other counters). */
export const INT4_MAX = 2_147_483_647;

/** A line's quantity: a whole number an order can hold, far inside int4. */
export const QUANTITY_MAX = 1_000_000;

/** A money amount given as a number: finite, not negative, within numeric(12,2). */
export const money = (field: string) => z.number({ error: `${field} must be a number such as 19.90` }).finite()
  .min(0, `${field} must not be negative`).refine(fitsMoney, moneyMessage(field));

/** A whole number within int4, at least `min`. */
export const int4 = (field: string, min = 0) => z.number({ error: `${field} must be a whole number` })
  .int(`${field} must be a whole number`).min(min, `${field} must be at least ${min}`).max(INT4_MAX, `${field} is at most ${INT4_MAX}`);
