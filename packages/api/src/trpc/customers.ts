import { z } from 'zod';
import { customerDetail } from './customer-detail';
import { protectedProcedure, router } from './init';
import { iso } from './time';

const listInput = z.object({
  search: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
}).default({ limit: 50, offset: 0 });

const TOTAL_CAP = 10_000;

export const customersRouter = router({
  list: protectedProcedure.input(listInput).query(async ({ ctx, input }) => {
    const { sql } = ctx.deps.database;
    const ws = ctx.user.workspaceId;
    // The same expression as the trigram index customers_search_trgm_idx (drizzle/0005), so a
    // substring search stays an index scan at millions of customers. LIKE's own wildcards in
    // the search text are escaped: %, _ and \ match literally.
    const pattern = input.search ? `%${input.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` : null;
    const matches = pattern
      ? sql`and lower(c.id || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) like ${pattern}`
      : sql``;
    const [rows, [{ total }]] = await Promise.all([
      sql<{ id: string; email: string | null; firstName: string | null; lastName: string | null; createdAt: Date | string; orderCount: number }[]>`
        select c.id, c.email, c.first_name as "firstName", c.last_name as "lastName", c.created_at as "createdAt",
          coalesce(s.order_count, 0)::int as "orderCount"
        from customers c left join customer_order_stats s on s.workspace_id = c.workspace_id and s.customer_id = c.id
        where c.workspace_id = ${ws} ${matches}
        order by c.id limit ${input.limit} offset ${input.offset}`,
      // Counting stops at TOTAL_CAP: a one-letter search must not count a million rows.
      sql<{ total: number }[]>`select count(*)::int as total from (
        select 1 from customers c where c.workspace_id = ${ws} ${matches} limit ${TOTAL_CAP + 1}) t`,
    ]);
    return {
      items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
      total: Math.min(total, TOTAL_CAP),
      totalCapped: total > TOTAL_CAP,
    };
  }),

  get: protectedProcedure
    .input(z.object({ id: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => customerDetail(ctx.deps, ctx.user.workspaceId, input.id)),
});
