// The review form as posted (application/x-www-form-urlencoded), checked at the boundary: one
// `rating_<i>` (1-5, or empty for a product left unrated) and one `text_<i>` per product of the
// order, nothing else. Each problem names its field; the page says it in the reader's language.
import { z } from 'zod';
import type { ReviewItem, SubmittedReview } from './review-store';

export const MAX_REVIEW_TEXT = 2_000;

export type ReviewProblemKind = 'rating' | 'textWithoutRating' | 'tooLong' | 'none' | 'unknown';
export interface ReviewProblem { field: string; kind: ReviewProblemKind; item: number | null }

// Text Postgres cannot store (a NUL) or a form that was not ours.
const noNul = (s: string) => !s.includes('\u0000');

function formSchema(count: number) {
  const shape: Record<string, z.ZodType> = {};
  for (let i = 0; i < count; i++) {
    shape[`rating_${i}`] = z.union([z.literal(''), z.coerce.number().int().min(1).max(5)]).optional();
    shape[`text_${i}`] = z.string().max(MAX_REVIEW_TEXT).refine(noNul).optional();
  }
  return z.strictObject(shape);
}

const itemOf = (field: string) => (/^(?:rating|text)_(\d+)$/.exec(field) ? Number(field.split('_')[1]) : null);

export function parseReviewForm(body: string, items: ReviewItem[]): { reviews: SubmittedReview[] } | { problems: ReviewProblem[] } {
  const raw = Object.fromEntries(new URLSearchParams(body));
  const parsed = formSchema(items.length).safeParse(raw);
  if (!parsed.success) {
    return { problems: parsed.error.issues.flatMap((issue): ReviewProblem[] => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((field) => ({ field, kind: 'unknown', item: null }));
      const field = String(issue.path[0]);
      const kind = field.startsWith('rating_') ? 'rating' : issue.code === 'too_big' ? 'tooLong' : 'unknown';
      return [{ field, kind, item: itemOf(field) }];
    }) };
  }
  const form = parsed.data as Record<string, number | string | undefined>;
  const reviews: SubmittedReview[] = [];
  const problems: ReviewProblem[] = [];
  items.forEach((item, i) => {
    const rating = form[`rating_${i}`];
    const text = String(form[`text_${i}`] ?? '').trim();
    if (typeof rating === 'number') reviews.push({ productId: item.productId, productName: item.name, rating, text });
    else if (text) problems.push({ field: `rating_${i}`, kind: 'textWithoutRating', item: i });
  });
  if (problems.length === 0 && reviews.length === 0) problems.push({ field: 'rating_0', kind: 'none', item: null });
  return problems.length > 0 ? { problems } : { reviews };
}
