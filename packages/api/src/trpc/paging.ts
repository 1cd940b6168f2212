// The shared input of every paged list (segments, templates, customers, outbox): a search
// text, one of the list's own sort orders, and an offset page. Each field is checked by zod,
// so bad input is a 400 naming the field (`sort`, `limit`, ...), never a 500.
import { z } from 'zod';

export const PAGE_MAX = 200;

export function pageInput<const S extends readonly [string, ...string[]]>(sorts: S, pageSize = 50) {
  return z.object({
    search: z.string().trim().max(200).optional(),
    sort: z.enum(sorts).default(sorts[0] as S[number] & string),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(PAGE_MAX).default(pageSize),
  }).prefault({});
}

/** A LIKE pattern matching `search` anywhere, its own %, _ and \ taken literally. */
export const containsPattern = (search: string) => `%${search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
