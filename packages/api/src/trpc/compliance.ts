// Consent and suppressions for the Settings page: who cannot be emailed and why, the latest
// opt-ins and opt-outs (the consent ledger), and lifting a suppression that was a mistake
// (e.g. a mailbox that bounced while its domain was misconfigured), or one an erased customer
// who came back asks to have lifted.
import type { SuppressionFacts, SuppressionReport } from '@afterglow/db';
import { EMAIL_TOPICS } from '@afterglow/email';
import { z } from 'zod';
import { notFound } from '../journeys/errors';
import { getWorkspaceSettings } from '../journeys/settings';
import { protectedProcedure, router } from './init';
import { withReports } from './suppression-reports';
import { iso } from './time';

export const complianceRouter = router({
  overview: protectedProcedure
    .input(z.object({ search: z.string().trim().max(200).default('') }).default({ search: '' }))
    .query(async ({ ctx, input }) => {
      const sql = ctx.deps.database.sql;
      const ws = ctx.user.workspaceId;
      const like = `%${input.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Customers without marketing consent, and of them those who withdrew it here (the consent
      // ledger's opt-outs): the rest came without it (the shop's profile, an import), so the card
      // never counts as "unsubscribed" people the ledger has never seen opt out.
      const [counts] = await sql<{ withoutConsent: number; unsubscribed: number; suppressed: number }[]>`
        select count(*) filter (where not c.marketing_consent)::int as "withoutConsent",
               count(*) filter (where not c.marketing_consent and exists (
                 select 1 from consent_ledger l where l.workspace_id = c.workspace_id and l.customer_id = c.id
                   and l.topic is null and l.action = 'opt_out'))::int as unsubscribed,
               (select count(*)::int from email_suppressions where workspace_id = ${ws}) as suppressed
        from customers c where c.workspace_id = ${ws}`;
      // facts: the bounce reason code, or the soft bounces counted; report: the report that caused it and the email it answered.
      const suppressions = await withReports(sql, ws, await sql<{
        address: string; reason: string; detail: string; facts: SuppressionFacts | null; report: SuppressionReport | null; outboxId: string | null; createdAt: Date | string;
      }[]>`
        select address, reason, detail, facts, report, outbox_id as "outboxId", created_at as "createdAt" from email_suppressions
        where workspace_id = ${ws} and address like ${like}
        order by created_at desc, address limit 50`);
      const ledger = await sql<{ customerId: string; email: string | null; action: string; topic: string | null; source: string; at: Date | string }[]>`
        select l.customer_id as "customerId", c.email, l.action, l.topic, l.source, l.at
        from consent_ledger l left join customers c on c.workspace_id = l.workspace_id and c.id = l.customer_id
        where l.workspace_id = ${ws} order by l.at desc, l.id limit 20`;
      return {
        ...counts,
        suppressions: suppressions.map((s) => ({ ...s, createdAt: iso(s.createdAt) })),
        ledger: ledger.map((l) => ({
          ...l, at: iso(l.at), topicLabel: l.topic ? (EMAIL_TOPICS.find((t) => t.id === l.topic)?.label ?? l.topic) : null,
        })),
      };
    }),

  /**
   * Per saved template, over every journey version whose email steps used it: sent, then each
   * email opened, clicked... once. The steps' own counters (journey_node_counts), summed.
   */
  templateStats: protectedProcedure.query(async ({ ctx }) => {
    const sql = ctx.deps.database.sql;
    const ws = ctx.user.workspaceId;
    // Emails only machines opened or clicked count only when the workspace says so.
    const { countMachineOpens } = await getWorkspaceSettings(ctx.deps, ws);
    type Counter = 'sent' | 'opens' | 'clicks' | 'bounces' | 'unsubscribes' | 'complaints';
    const names: Record<string, Counter> = {
      emails: 'sent', opens: 'opens', clicks: 'clicks', bounces: 'bounces', unsubscribes: 'unsubscribes', complaints: 'complaints',
      ...(countMachineOpens ? { machine_opens: 'opens', machine_clicks: 'clicks' } as const : {}),
    };
    const rows = await sql<{ templateId: string; metric: string; n: number }[]>`
      with steps as (
        select v.id as version_id, n.node->>'id' as node_id, n.node->'config'->>'templateId' as template_id
        from journey_versions v cross join lateral jsonb_array_elements(v.graph->'nodes') as n(node)
        where v.workspace_id = ${ws} and coalesce(n.node->'config'->>'templateId', '') <> ''
      )
      select s.template_id as "templateId", c.metric, sum(c.n)::int as n
      from steps s join journey_node_counts c on c.version_id = s.version_id and c.node_id = s.node_id
      where c.metric = any(${Object.keys(names)}::text[]) group by 1, 2`;
    const stats: Record<string, Record<Counter, number>> = {};
    for (const r of rows) {
      const counters = (stats[r.templateId] ??= { sent: 0, opens: 0, clicks: 0, bounces: 0, unsubscribes: 0, complaints: 0 });
      counters[names[r.metric]] += r.n;
    }
    return stats;
  }),

  /** Lifts a suppression; typing an erased customer's address lifts its hashed one (they asked to be mailed again). */
  unsuppress: protectedProcedure
    .input(z.object({ address: z.string().trim().toLowerCase().min(3).max(320) }))
    .mutation(async ({ ctx, input }) => {
      const sql = ctx.deps.database.sql;
      const [plain, hashed] = await Promise.all([
        // Lifted, the address starts afresh: its earlier soft bounces no longer count towards the limit.
        sql`with lifted as (delete from email_suppressions where workspace_id = ${ctx.user.workspaceId} and address = ${input.address} returning 1),
          forgiven as (update email_events e set soft = false from email_outbox o
            where e.workspace_id = ${ctx.user.workspaceId} and e.type = 'bounce' and e.soft
              and o.workspace_id = e.workspace_id and o.id = e.outbox_id and lower(o.to_address) = ${input.address})
          select 1 from lifted`,
        sql`delete from hashed_suppressions where workspace_id = ${ctx.user.workspaceId}
          and address_hash = afterglow_address_hash(${input.address}) returning 1`,
      ]);
      if (plain.length + hashed.length === 0) throw notFound('suppressedAddress', input.address);
      return { address: input.address };
    }),
});
