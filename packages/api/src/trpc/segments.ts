import {
  countSegment, sampleSegment, segmentRuleSchema, type SegmentRule,
} from '@afterglow/db';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { notFound } from '../journeys/errors';
import type { ApiDeps } from './deps';
import { editorProcedure, protectedProcedure, router } from './init';
import { iso } from './time';

interface SegmentRow { id: string; name: string; description: string; rule: unknown; updatedAt: Date | string }

/** A stored rule that no longer parses is reported, not allowed to break the whole page. */
async function membership(deps: ApiDeps, workspaceId: string, rule: unknown) {
  const parsed = segmentRuleSchema.safeParse(rule);
  if (!parsed.success) return { memberCount: 0, ruleError: parsed.error.issues.map((i) => i.message).join('; ') };
  return { memberCount: await countSegment(deps.database.sql, workspaceId, parsed.data, deps.clock.now()), ruleError: null };
}

export const segmentsRouter = router({
  list: protectedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.deps.database.sql<SegmentRow[]>`
      select id, name, description, rule, updated_at as "updatedAt" from segments
      where workspace_id = ${ctx.user.workspaceId} order by name, id`;
    return Promise.all(rows.map(async (s) => ({
      id: s.id, name: s.name, description: s.description, updatedAt: iso(s.updatedAt),
      ...(await membership(ctx.deps, ctx.user.workspaceId, s.rule)),
    })));
  }),

  get: protectedProcedure
    .input(z.object({ id: z.string().min(1).max(100) }))
    .query(async ({ ctx, input }) => {
      const [s] = await ctx.deps.database.sql<SegmentRow[]>`
        select id, name, description, rule, updated_at as "updatedAt" from segments
        where workspace_id = ${ctx.user.workspaceId} and id = ${input.id}`;
      if (!s) throw notFound('Segment', input.id);
      return { ...s, rule: s.rule as SegmentRule, updatedAt: iso(s.updatedAt), ...(await membership(ctx.deps, ctx.user.workspaceId, s.rule)) };
    }),

  save: editorProcedure
    .input(z.object({
      id: z.string().min(1).max(100).optional(),
      name: z.string().trim().min(1, 'Give the segment a name').max(200),
      description: z.string().max(2000).default(''),
      rule: segmentRuleSchema,
    }))
    .mutation(async ({ ctx, input }) => {
      const { sql } = ctx.deps.database;
      const now = ctx.deps.clock.now().toISOString();
      const rule = JSON.stringify(input.rule);
      if (input.id) {
        const [row] = await sql`
          update segments set name = ${input.name}, description = ${input.description},
            rule = ${rule}::text::jsonb, updated_at = ${now}::timestamptz
          where workspace_id = ${ctx.user.workspaceId} and id = ${input.id} returning id`;
        if (!row) throw notFound('Segment', input.id);
        return { id: input.id };
      }
      const id = `seg_${randomBytes(9).toString('base64url')}`;
      await sql`
        insert into segments (id, workspace_id, name, description, rule, created_at, updated_at)
        values (${id}, ${ctx.user.workspaceId}, ${input.name}, ${input.description}, ${rule}::text::jsonb,
          ${now}::timestamptz, ${now}::timestamptz)`;
      return { id };
    }),

  preview: protectedProcedure
    .input(z.object({ rule: segmentRuleSchema }))
    .query(async ({ ctx, input }) => {
      const { sql } = ctx.deps.database;
      const now = ctx.deps.clock.now();
      const [count, sample] = await Promise.all([
        countSegment(sql, ctx.user.workspaceId, input.rule, now),
        sampleSegment(sql, ctx.user.workspaceId, input.rule, now, 10),
      ]);
      return { count, sample };
    }),
});
