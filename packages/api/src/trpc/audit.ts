// The audit log page: who did what and when, filtered by action, person and period, newest
// first, a page at a time; and how long entries are kept.
import { z } from 'zod';
import { protectedProcedure, router } from './init';
import { iso } from './time';

const listInput = z.object({
  /** An action or a prefix of one: 'journeys.' lists everything done to journeys. */
  action: z.string().trim().max(100).default(''),
  actor: z.string().trim().max(320).default(''),
  from: z.iso.datetime({ message: 'from must be an ISO date-time' }).optional(),
  to: z.iso.datetime({ message: 'to must be an ISO date-time' }).optional(),
  /** The id of the last entry of the previous page (tRPC's infinite queries call it the cursor). */
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
}).default({ action: '', actor: '', limit: 50 });

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

export const auditRouter = router({
  list: protectedProcedure.input(listInput).query(async ({ ctx, input }) => {
    const { sql } = ctx.deps.database;
    const rows = await sql<{
      id: number; at: Date | string; actorId: string | null; actorEmail: string; action: string;
      targetId: string | null; detail: Record<string, unknown>; ip: string | null;
    }[]>`
      select id::int, at, actor_id as "actorId", actor_email as "actorEmail", action, target_id as "targetId", detail, ip
      from audit_log
      where workspace_id = ${ctx.user.workspaceId}
        ${input.action ? sql`and action like ${`${escapeLike(input.action)}%`}` : sql``}
        ${input.actor ? sql`and lower(actor_email) like ${`%${escapeLike(input.actor.toLowerCase())}%`}` : sql``}
        ${input.from ? sql`and at >= ${new Date(input.from)}` : sql``}
        ${input.to ? sql`and at < ${new Date(input.to)}` : sql``}
        ${input.cursor ? sql`and id < ${input.cursor}` : sql``}
      order by id desc limit ${input.limit + 1}`;
    return {
      entries: rows.slice(0, input.limit).map((r) => ({ ...r, at: iso(r.at) })),
      nextBefore: rows.length > input.limit ? rows[input.limit - 1].id : null,
    };
  }),

  settings: protectedProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.deps.database.sql<{ retentionDays: number }[]>`
      select audit_retention_days as "retentionDays" from workspaces where id = ${ctx.user.workspaceId}`;
    return { retentionDays: row?.retentionDays ?? 365 };
  }),

  saveSettings: protectedProcedure
    .input(z.object({
      retentionDays: z.number().int().min(30, 'retentionDays must be at least 30').max(3650, 'retentionDays is at most 3650 (ten years)'),
    }))
    .mutation(async ({ ctx, input }) => {
      await ctx.deps.database.sql`
        update workspaces set audit_retention_days = ${input.retentionDays} where id = ${ctx.user.workspaceId}`;
      return input;
    }),
});
