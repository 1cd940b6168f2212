import {
  countSegment, findTier, loadLoyaltySettings, resolveSegmentRefs, sampleSegment, SegmentRuleError, segmentRuleSchema,
  type SegmentRule,
} from '@afterglow/db';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { text } from '../i18n/catalogue';
import { DomainError, notFound } from '../journeys/errors';
import type { ApiDeps } from './deps';
import { protectedProcedure, router } from './init';
import { iso } from './time';
import { segmentPage, segmentPageInput, withStoredCounts } from '../segments/list-page';

interface SegmentRow { id: string; name: string; description: string; rule: unknown; updatedAt: Date | string }

/** A stored rule that no longer parses (or refers to a deleted segment) is reported, not allowed to break the page. */
async function membership(deps: ApiDeps, workspaceId: string, rule: unknown) {
  const parsed = segmentRuleSchema.safeParse(rule);
  if (!parsed.success) return { memberCount: 0, ruleError: parsed.error.issues.map((i) => i.message).join('; ') };
  try {
    return { memberCount: await countSegment(deps.database.sql, workspaceId, parsed.data, deps.clock.now()), ruleError: null };
  } catch (err) {
    if (err instanceof SegmentRuleError) return { memberCount: 0, ruleError: err.message };
    throw err;
  }
}

/** References to other segments must exist and must not loop back (to this one or each other). */
async function checkReferences(deps: ApiDeps, workspaceId: string, rule: SegmentRule, selfId?: string) {
  try {
    await resolveSegmentRefs(deps.database.sql, workspaceId, rule, selfId);
  } catch (err) {
    if (err instanceof SegmentRuleError) throw new DomainError('INVALID', text('segment.badReference', { detail: err.issues.map((i) => i.message).join('; ') }), 'rule.segmentId');
    throw err;
  }
}

/** Where in the rule each tier condition is ('rule.rules.0.tier'), with the tier it names. */
function tierFields(rule: SegmentRule, path = 'rule'): { field: string; tier: string }[] {
  if (rule.kind === 'tier') return [{ field: `${path}.tier`, tier: rule.tier }];
  return rule.kind === 'group' ? rule.rules.flatMap((r, i) => tierFields(r, `${path}.rules.${i}`)) : [];
}

/** A tier condition must name one of the workspace's tiers (by id; a name, as rules saved before tiers were configurable did). */
async function checkTiers(deps: ApiDeps, workspaceId: string, rule: SegmentRule) {
  const named = tierFields(rule);
  if (named.length === 0) return;
  const { tiers } = await loadLoyaltySettings(deps.database.sql, workspaceId);
  const bad = named.find((n) => findTier(tiers, n.tier) < 0);
  if (bad) throw new DomainError('INVALID', text('segment.unknownTier', { tier: bad.tier, tiers: tiers.list.map((t) => t.id).join(', ') }), bad.field);
}

export const segmentsRouter = router({
  /** Every segment by name, for pickers: stored counts only, like the page. */
  list: protectedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.deps.database.sql<SegmentRow[]>`
      select id, name, description, rule, updated_at as "updatedAt" from segments
      where workspace_id = ${ctx.user.workspaceId} order by name, id`;
    return withStoredCounts(ctx.deps.database.sql, ctx.user.workspaceId, rows);
  }),

  /** The Segments page: searched, sorted and paged in SQL; no segment is evaluated (see list-page.ts). */
  page: protectedProcedure.input(segmentPageInput).query(({ ctx, input }) =>
    segmentPage(ctx.deps.database.sql, ctx.user.workspaceId, input)),

  get: protectedProcedure
    .input(z.object({ id: z.string().min(1).max(100) }))
    .query(async ({ ctx, input }) => {
      const [s] = await ctx.deps.database.sql<SegmentRow[]>`
        select id, name, description, rule, updated_at as "updatedAt" from segments
        where workspace_id = ${ctx.user.workspaceId} and id = ${input.id}`;
      if (!s) throw notFound('segment', input.id);
      return { ...s, rule: s.rule as SegmentRule, updatedAt: iso(s.updatedAt), ...(await membership(ctx.deps, ctx.user.workspaceId, s.rule)) };
    }),

  save: protectedProcedure
    .input(z.object({
      id: z.string().min(1).max(100).optional(),
      name: z.string().trim().min(1, 'Give the segment a name').max(200),
      description: z.string().max(2000).default(''),
      rule: segmentRuleSchema,
    }))
    .mutation(async ({ ctx, input }) => {
      const { sql } = ctx.deps.database;
      const now = ctx.deps.clock.now().toISOString();
      await checkReferences(ctx.deps, ctx.user.workspaceId, input.rule, input.id);
      await checkTiers(ctx.deps, ctx.user.workspaceId, input.rule);
      const rule = JSON.stringify(input.rule);
      if (input.id) {
        const [row] = await sql`
          update segments set name = ${input.name}, description = ${input.description},
            rule = ${rule}::text::jsonb, updated_at = ${now}::timestamptz
          where workspace_id = ${ctx.user.workspaceId} and id = ${input.id} returning id`;
        if (!row) throw notFound('segment', input.id);
        // The engine's next sweep counts the changed rule (lists never do): wake it now.
        await ctx.deps.engine.wake();
        return { id: input.id };
      }
      const id = `seg_${randomBytes(9).toString('base64url')}`;
      await sql`
        insert into segments (id, workspace_id, name, description, rule, created_at, updated_at)
        values (${id}, ${ctx.user.workspaceId}, ${input.name}, ${input.description}, ${rule}::text::jsonb,
          ${now}::timestamptz, ${now}::timestamptz)`;
      await ctx.deps.engine.wake();
      return { id };
    }),

  preview: protectedProcedure
    .input(z.object({ rule: segmentRuleSchema, id: z.string().min(1).max(100).optional() }))
    .query(async ({ ctx, input }) => {
      const { sql } = ctx.deps.database;
      await checkReferences(ctx.deps, ctx.user.workspaceId, input.rule, input.id);
      await checkTiers(ctx.deps, ctx.user.workspaceId, input.rule);
      const now = ctx.deps.clock.now();
      const [count, sample] = await Promise.all([
        countSegment(sql, ctx.user.workspaceId, input.rule, now),
        sampleSegment(sql, ctx.user.workspaceId, input.rule, now, 10),
      ]);
      return { count, sample };
    }),

  /** Values the builder suggests: categories and brands of the catalogue, recent event names, loyalty tiers. */
  vocabulary: protectedProcedure.query(async ({ ctx }) => {
    const { sql } = ctx.deps.database;
    const ws = ctx.user.workspaceId;
    const [categories, brands, events, loyalty] = await Promise.all([
      sql<{ v: string }[]>`select distinct category as v from products where workspace_id = ${ws} and category <> '' order by 1 limit 500`,
      sql<{ v: string }[]>`select distinct brand as v from products where workspace_id = ${ws} and brand <> '' order by 1 limit 500`,
      // Bounded: the names among the latest events, not a scan of the whole history.
      sql<{ v: string }[]>`select distinct name as v from (select name from events where workspace_id = ${ws} and name is not null
        order by id desc limit 5000) e order by 1 limit 200`,
      loadLoyaltySettings(sql, ws),
    ]);
    return {
      categories: categories.map((r) => r.v), brands: brands.map((r) => r.v), events: events.map((r) => r.v),
      // The shop's tiers, lowest first: the picker names them, the rule stores the id.
      tiers: loyalty.tiers.list.map((t) => ({ id: t.id, name: t.name, threshold: t.threshold })),
      tierBasis: loyalty.tiers.basis,
    };
  }),
});
