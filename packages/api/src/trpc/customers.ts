import { canonicalLanguageTag, MAX_LANGUAGE_TAG } from '@afterglow/i18n';
import { z } from 'zod';
import { notFound } from '../journeys/errors';
import { eraseCustomer, exportCustomerData } from '../privacy/index';
import { customerDetail } from './customer-detail';
import { replenishmentOf } from './customer-replenishment';
import { customerReferrals } from '../referrals/customer';
import { protectedProcedure, router } from './init';
import { containsPattern, pageInput } from './paging';
import { iso } from './time';

const listInput = pageInput(['id', 'newest', 'name'] as const);
const orders = {
  id: 'c.id', newest: 'c.created_at desc, c.id',
  name: "lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), c.id",
} as const;

const TOTAL_CAP = 10_000;

const customerId = z.string().min(1).max(200);

/** A language tag, stored canonical ('sr_latn' → 'sr-Latn'), or null: unknown, the shop's default language. */
const customerLocale = z.string().max(MAX_LANGUAGE_TAG).nullable().transform((value, ctx) => {
  if (value === null) return null;
  const tag = canonicalLanguageTag(value);
  if (tag !== null) return tag;
  ctx.addIssue({ code: 'custom', message: 'locale must be a language tag such as sr-Latn, sl or ru (or null: unknown)' });
  return z.NEVER;
});

export const customersRouter = router({
  list: protectedProcedure.input(listInput).query(async ({ ctx, input }) => {
    const { sql } = ctx.deps.database;
    const ws = ctx.user.workspaceId;
    // The same expression as the trigram index customers_search_trgm_idx (drizzle/0005), so a
    // substring search stays an index scan at millions of customers. LIKE's own wildcards in
    // the search text are escaped: %, _ and \ match literally.
    const pattern = input.search ? containsPattern(input.search) : null;
    const matches = pattern
      ? sql`and lower(c.id || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) like ${pattern}`
      : sql``;
    const [rows, [{ total }]] = await Promise.all([
      sql<{
        id: string; email: string | null; firstName: string | null; lastName: string | null; locale: string | null;
        createdAt: Date | string; orderCount: number;
      }[]>`
        select c.id, c.email, c.first_name as "firstName", c.last_name as "lastName", c.locale, c.created_at as "createdAt",
          coalesce(s.order_count, 0)::int as "orderCount"
        from customers c left join customer_order_stats s on s.workspace_id = c.workspace_id and s.customer_id = c.id
        where c.workspace_id = ${ws} ${matches}
        order by ${sql.unsafe(orders[input.sort])} limit ${input.limit} offset ${input.offset}`,
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
    .input(z.object({ id: customerId }))
    .query(({ ctx, input }) => customerDetail(ctx.deps, ctx.user.workspaceId, input.id)),

  /** When the customer will probably buy each product (and category) again, and by which rule. */
  replenishment: protectedProcedure
    .input(z.object({ id: customerId }))
    .query(({ ctx, input }) => replenishmentOf(ctx.deps, ctx.user.workspaceId, input.id)),

  /** Their referral code, who referred them and the friends they brought, each with its state (and a refusal's reason). */
  referrals: protectedProcedure
    .input(z.object({ id: customerId }))
    .query(({ ctx, input }) => customerReferrals(ctx.deps, ctx.user.workspaceId, input.id)),

  /**
   * Sets the customer's language by hand (the customer page). A later identify trait or Shopify
   * update carrying a language replaces it, as it replaces any older value; a device's language
   * (context.locale) never does.
   */
  setLocale: protectedProcedure
    .input(z.object({ id: customerId, locale: customerLocale }))
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.deps.database.sql<{ locale: string | null }[]>`
        update customers set locale = ${input.locale}, updated_at = ${ctx.deps.clock.now().toISOString()}::timestamptz
        where workspace_id = ${ctx.user.workspaceId} and id = ${input.id}
        returning locale`;
      if (!row) throw notFound('customer', input.id);
      return { id: input.id, locale: row.locale };
    }),

  /** Everything held about the customer, as one JSON document. A mutation: every export is audit-logged. */
  export: protectedProcedure
    .input(z.object({ id: customerId }))
    .mutation(({ ctx, input }) => exportCustomerData(ctx.deps.database.sql, ctx.user.workspaceId, input.id, ctx.deps.clock.now())),

  /** Erases the customer for good; `confirm` repeats the id, as typed by the person asking. */
  erase: protectedProcedure
    .input(z.object({ id: customerId, confirm: z.string() }).refine((i) => i.confirm === i.id, {
      path: ['confirm'], message: 'Type the customer id to confirm the erasure',
    }))
    .mutation(({ ctx, input }) => eraseCustomer(ctx.deps.database.sql, ctx.user.workspaceId, input.id, ctx.deps.clock.now())),
});
