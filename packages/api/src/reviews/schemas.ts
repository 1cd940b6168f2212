// The inputs of the reviews procedures: one schema each, so the router stays a list of calls.
import { z } from 'zod';

const rating = z.number().int().min(1).max(5);
const reviewId = z.uuid('A review id is a UUID');

export const reviewFilterSchema = z.object({
  status: z.enum(['new', 'published', 'hidden']).optional(),
  minRating: rating.default(1),
  maxRating: rating.default(5),
  productId: z.string().trim().min(1).max(200).optional(),
  customerId: z.string().min(1).max(200).optional(),
  /** Bad (1-2 stars) and not answered yet. */
  needsAttention: z.boolean().default(false),
  search: z.string().trim().max(200).optional(),
  /** Newest or oldest first: both walk the same (created_at, id) index, forwards or backwards. */
  sort: z.enum(['newest', 'oldest']).default('newest'),
  /** The last review of the previous page (nextCursor). */
  cursor: z.object({ createdAt: z.iso.datetime(), id: reviewId }).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
}).refine((f) => f.minRating <= f.maxRating, { path: ['maxRating'], message: 'The highest rating must not be below the lowest' });
export type ReviewFilter = z.output<typeof reviewFilterSchema>;

/** Publishing or hiding, many at once (the page's bulk selection). */
export const setStatusSchema = z.object({
  ids: z.array(reviewId).min(1, 'Select at least one review').max(500, 'At most 500 reviews at once'),
  status: z.enum(['published', 'hidden']),
});

export const REPLY_MAX = 2_000;
export const replySchema = z.object({
  id: reviewId,
  text: z.string().trim().min(1, 'Write a reply').max(REPLY_MAX, 'A reply is at most 2000 characters'),
  /** Also email the reply to the customer, in their language. */
  email: z.boolean().default(false),
});

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const importSchema = z.object({
  csv: z.string().max(IMPORT_MAX_BYTES, 'The file is larger than 5 MB')
    .refine((s) => Buffer.byteLength(s) <= IMPORT_MAX_BYTES, 'The file is larger than 5 MB'),
});
