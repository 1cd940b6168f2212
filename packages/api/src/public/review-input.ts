// The review form as posted, checked at the boundary: one `rating_<i>` (1-5, or empty for a
// product left unrated), one `text_<i>`, an optional `photo_<i>` (a file) and `remove_photo_<i>`
// (a checkbox) per product of the order, nothing else. A photo must be a JPEG, PNG or WebP by
// its bytes and at most MAX_REVIEW_PHOTO_BYTES. Each problem names its field; the page says it
// in the reader's language.
import { z } from 'zod';
import type { PostedForm } from './review-body';
import { MAX_REVIEW_PHOTO_BYTES, photoType, photoUpload } from './review-photo';
import type { ReviewItem, SubmittedReview } from './review-store';

export const MAX_REVIEW_TEXT = 2_000;

export type ReviewProblemKind = 'rating' | 'textWithoutRating' | 'tooLong' | 'none' | 'unknown'
  | 'photoType' | 'photoTooLarge' | 'photoWithoutRating';
export interface ReviewProblem { field: string; kind: ReviewProblemKind; item: number | null }

// Text Postgres cannot store (a NUL) or a form that was not ours.
const noNul = (s: string) => !s.includes('\u0000');

function formSchema(count: number) {
  const shape: Record<string, z.ZodType> = {};
  for (let i = 0; i < count; i++) {
    shape[`rating_${i}`] = z.union([z.literal(''), z.coerce.number().int().min(1).max(5)]).optional();
    shape[`text_${i}`] = z.string().max(MAX_REVIEW_TEXT).refine(noNul).optional();
    // A file input left empty; a chosen file is in `files`.
    shape[`photo_${i}`] = z.literal('').optional();
    shape[`remove_photo_${i}`] = z.literal('on').optional();
  }
  return z.strictObject(shape);
}

const itemOf = (field: string) => {
  const match = /^(?:rating|text|photo|remove_photo)_(\d+)$/.exec(field);
  return match ? Number(match[1]) : null;
};

function fieldProblems(posted: PostedForm, count: number): ReviewProblem[] {
  if (posted.malformed) return [{ field: '(form)', kind: 'unknown', item: null }];
  const unknownFiles = [...posted.files.keys()].filter((name) => !/^photo_\d+$/.test(name) || Number(name.slice(6)) >= count);
  const parsed = formSchema(count).safeParse(Object.fromEntries(posted.fields));
  const issues = parsed.success ? [] : parsed.error.issues.flatMap((issue): ReviewProblem[] => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((field) => ({ field, kind: 'unknown', item: null }));
    const field = String(issue.path[0]);
    const kind = field.startsWith('rating_') ? 'rating' : issue.code === 'too_big' ? 'tooLong' : 'unknown';
    return [{ field, kind, item: itemOf(field) }];
  });
  return [...issues, ...unknownFiles.map((field): ReviewProblem => ({ field, kind: 'unknown', item: null }))];
}

type PhotoChoice = { photo: SubmittedReview['photo'] } | { problem: 'photoType' | 'photoTooLarge' };

function photoOf(posted: PostedForm, i: number): PhotoChoice {
  const bytes = posted.files.get(`photo_${i}`);
  if (!bytes) return { photo: posted.fields.get(`remove_photo_${i}`) === 'on' ? 'remove' : undefined };
  if (bytes.length > MAX_REVIEW_PHOTO_BYTES) return { problem: 'photoTooLarge' };
  const type = photoType(bytes);
  return type ? { photo: photoUpload(bytes, type) } : { problem: 'photoType' };
}

export function parseReviewForm(posted: PostedForm, items: ReviewItem[]): { reviews: SubmittedReview[] } | { problems: ReviewProblem[] } {
  const refused = fieldProblems(posted, items.length);
  if (refused.length > 0) return { problems: refused };
  const reviews: SubmittedReview[] = [];
  const problems: ReviewProblem[] = [];
  items.forEach((item, i) => {
    const given = posted.fields.get(`rating_${i}`);
    const rating = given ? Number(given) : null;
    const text = (posted.fields.get(`text_${i}`) ?? '').trim();
    const choice = photoOf(posted, i);
    if ('problem' in choice) problems.push({ field: `photo_${i}`, kind: choice.problem, item: i });
    if (rating !== null) {
      reviews.push({ productId: item.productId, productName: item.name, rating, text, photo: 'photo' in choice ? choice.photo : undefined });
    } else if (text) {
      problems.push({ field: `rating_${i}`, kind: 'textWithoutRating', item: i });
    } else if (posted.files.has(`photo_${i}`)) {
      problems.push({ field: `rating_${i}`, kind: 'photoWithoutRating', item: i });
    }
  });
  if (problems.length === 0 && reviews.length === 0) problems.push({ field: 'rating_0', kind: 'none', item: null });
  return problems.length > 0 ? { problems } : { reviews };
}
