// Schemas for values bound for typed columns, built on the columns' ranges (@afterglow/db's
// column-ranges), so a schema refuses (400, naming the field) what Postgres would refuse with
// an error (a 500): an order total of 1e10 into numeric(12,2), a quantity past int4, a
// date-time with a UTC offset of +23:59. Ingestion's and Shopify's schemas use these.
import { fitsMoney, fitsTimestamptz, INT4_MAX } from '@afterglow/db';
import { z } from 'zod';

export const moneyMessage = (field: string) => `${field} is at most 9,999,999,999.99`;

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

/** An ISO 8601 date-time with an offset (`error` when it is not one) that fits timestamptz. */
export const timestamptz = (field: string, error: string) => z.iso.datetime({ offset: true, local: false, error })
  .refine(fitsTimestamptz, {
    message: `${field} must be in the years 0001-9999, with a UTC offset of at most ±15:59`,
    when: (payload) => payload.issues.length === 0, // not a date-time at all: said once, above
  });

/** Shopify's own limit for one tag; also keeps a tag far inside a GIN index entry (2,712 bytes). */
export const TAG_MAX = 255;

/** Tags as Shopify sends them: one string, separated by commas, each at most TAG_MAX characters. */
export const commaSeparatedTags = (field: string) => z.string({ error: `${field} must be a string of comma-separated tags` })
  .max(25_000, `${field} is at most 25,000 characters`)
  .refine((tags) => tags.split(',').every((tag) => tag.trim().length <= TAG_MAX), `each tag in ${field} is at most ${TAG_MAX} characters`);
