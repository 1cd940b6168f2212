// Reads an export of reviews from another app: a header row naming the columns (in any order,
// any case, under the names such exports use), then one review per row. Each row is checked on
// its own: a bad one is reported by its row number (the header is row 1, as a spreadsheet shows
// it) and field, in the reader's language, and the good ones still go in.
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { MessageKey, MessageValues } from '../i18n/catalogue';
import { parseReviewDate } from './csv-date';

export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_TEXT_MAX = 5_000;

export type ImportField = 'productId' | 'rating' | 'text' | 'authorName' | 'authorEmail' | 'date';

/** Column names as exports spell them (compared lower-case, spaces and dashes as underscores). */
const ALIASES: Record<ImportField, string[]> = {
  productId: ['product_id', 'productid', 'product', 'product_handle', 'handle', 'sku'],
  rating: ['rating', 'stars', 'score', 'review_score'],
  text: ['text', 'body', 'review', 'review_text', 'review_body', 'content', 'comment'],
  authorName: ['author', 'author_name', 'name', 'reviewer', 'reviewer_name', 'display_name'],
  authorEmail: ['email', 'author_email', 'reviewer_email', 'customer_email'],
  date: ['date', 'created_at', 'created', 'review_date', 'submitted_at', 'published_at'],
};

export interface ImportedReview {
  productId: string; rating: number; text: string; authorName: string | null; authorEmail: string | null; date: Date;
  /** Same product, author, date and text: the same review. */
  key: string;
}

export interface RowProblem { row: number; field: ImportField | 'file'; message: { key: MessageKey; values?: MessageValues } }

const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The delimiter the header row uses: a comma, a semicolon (spreadsheets in most of Europe) or a tab. */
function delimiterOf(csv: string): string {
  const header = csv.slice(0, csv.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

const emailSchema = z.email();

export function readReviewCsv(csv: string, now: Date): { reviews: ImportedReview[]; problems: RowProblem[]; rows: number } {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, delimiter: delimiterOf(csv), relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    return { reviews: [], rows: 0, problems: [{ row: line, field: 'file', message: { key: 'reviewImport.unreadable', values: { line } } }] };
  }
  const [header = [], ...rows] = records;
  const names = header.map(normalise);
  const column = Object.fromEntries(Object.entries(ALIASES).map(([field, aliases]) =>
    [field, names.findIndex((n) => aliases.includes(n))])) as Record<ImportField, number>;
  const missing = (['productId', 'rating'] as const).filter((f) => column[f] < 0);
  if (missing.length > 0) {
    return { reviews: [], rows: rows.length, problems: missing.map((f) => ({ row: 1, field: f, message: { key: `reviewImport.missingColumn.${f}` } })) };
  }
  if (rows.length > IMPORT_MAX_ROWS) {
    return { reviews: [], rows: rows.length, problems: [{ row: IMPORT_MAX_ROWS + 2, field: 'file', message: { key: 'reviewImport.tooManyRows', values: { max: IMPORT_MAX_ROWS } } }] };
  }
  const reviews: ImportedReview[] = [];
  const problems: RowProblem[] = [];
  rows.forEach((cells, i) => {
    const read = checkRow((f) => (column[f] >= 0 ? cells[column[f]] ?? '' : ''), i + 2, now);
    if ('problem' in read) problems.push(read.problem);
    else reviews.push(read.review);
  });
  return { reviews, problems, rows: rows.length };
}

type RowResult = { review: ImportedReview } | { problem: RowProblem };

function checkRow(cell: (f: ImportField) => string, row: number, now: Date): RowResult {
  const problem = (field: ImportField, key: MessageKey): RowResult => ({ problem: { row, field, message: { key, values: { row } } } });
  const productId = cell('productId');
  if (!productId) return problem('productId', 'reviewImport.productId');
  if (productId.length > 200) return problem('productId', 'reviewImport.productIdLong');
  const rating = Number(cell('rating').replace(',', '.'));
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return problem('rating', 'reviewImport.rating');
  const text = cell('text');
  if (text.length > IMPORT_TEXT_MAX) return problem('text', 'reviewImport.textLong');
  const authorName = cell('authorName').slice(0, 200) || null;
  const authorEmail = cell('authorEmail') || null;
  if (authorEmail && !emailSchema.safeParse(authorEmail).success) return problem('authorEmail', 'reviewImport.email');
  const date = parseReviewDate(cell('date'));
  if (!date || date.getUTCFullYear() < 1990) return problem('date', 'reviewImport.date');
  // A day's grace for time zones; a later date is a typo that would keep the review on top for good.
  if (date.getTime() > now.getTime() + 86_400_000) return problem('date', 'reviewImport.dateFuture');
  const key = createHash('sha256').update([productId, authorName ?? '', authorEmail?.toLowerCase() ?? '', date.toISOString(), text].join('\u001f')).digest('hex');
  return { review: { productId, rating, text, authorName, authorEmail, date, key } };
}
