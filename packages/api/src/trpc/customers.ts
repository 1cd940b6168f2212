import { z } from 'zod';
import { customerDetail } from './customer-detail';
import { protectedProcedure, router } from './init';
import { iso } from './time';

const listInput = z.object({
  search: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
}).default({ limit: 50, offset: 0 });

export const customersRouter = router({
  list: protectedProcedure.input(listInput).query(async ({ ctx, input }) => {
    const { sql } = ctx.deps.database;
    const ws = ctx.user.workspaceId;
    // strpos rather than LIKE: the search text is matched literally, % and _ included.
    const matches = input.search
      ? sql`and strpos(lower(c.id || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')),
          lower(${input.search}::text)) > 0`
      : sql``;
    const [rows, [{ total }]] = await Promise.all([
      sql<{ id: string; email: string | null; firstName: string | null; lastName: string | null; createdAt: Date | string; orderCount: number }[]>`
        select c.id, c.email, c.first_name as "firstName", c.last_name as "lastName", c.created_at as "createdAt",
          (select count(*) from orders o where o.workspace_id = c.workspace_id and o.customer_id = c.id)::int as "orderCount"
        from customers c where c.workspace_id = ${ws} ${matches}
        order by c.id limit ${input.limit} offset ${input.offset}`,
      sql<{ total: number }[]>`select count(*)::int as total from customers c where c.workspace_id = ${ws} ${matches}`,
    ]);
    return { items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) })), total };
  }),

  get: protectedProcedure
    .input(z.object({ id: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => customerDetail(ctx.deps, ctx.user.workspaceId, input.id)),
});
