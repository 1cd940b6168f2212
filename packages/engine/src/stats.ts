// Per-node counters of a published version: what happened, counted by the transaction that made
// it happen (journey_node_counts: entries, branches, holds, caps and points by the engine's
// batches; emails sent, opens, coupons issued and redeemed, webhook calls delivered by the
// effects' own writers; a node type's ctx.count), where runs are now (journey_places_now), the
// emails still queued, and the conversions. A few rows each, however many runs, emails or events
// the version has.
import type { Sql } from '@afterglow/db';
import type { JourneyStats, NodeStats } from '@afterglow/journey-core';

/** Emails only machines have opened or clicked (email-events.ts): part of opens / clicks when the workspace says so. */
const MACHINE_COUNTERS: Record<string, string> = { machine_opens: 'opens', machine_clicks: 'clicks' };

export async function journeyStats(sql: Sql, versionId: string): Promise<JourneyStats> {
  const [counts, places, queued, [goals], [workspace]] = await Promise.all([
    sql<{ nodeId: string; metric: string; n: number }[]>`
      select node_id as "nodeId", metric, n::int as n from journey_node_counts where version_id = ${versionId}`,
    sql<{ nodeId: string; status: string; n: number }[]>`
      select node_id as "nodeId", status, n::int as n from journey_places_now where version_id = ${versionId} and n <> 0`,
    // Emails still to send: a state rather than an event, read from the pending rows alone
    // (email_outbox_queued_idx holds only those), so it is exact whatever ends a pending row.
    sql<{ nodeId: string; n: number }[]>`
      select node_id as "nodeId", count(*)::int as n from email_outbox
      where version_id = ${versionId} and status = 'pending' group by 1`,
    sql<{ converted: number; revenue: number }[]>`
      select count(*)::int as converted, coalesce(sum(revenue), 0)::float8 as revenue
      from conversions where version_id = ${versionId}`,
    sql<{ countMachineOpens: boolean }[]>`
      select coalesce(w.settings -> 'countMachineOpens' = 'true'::jsonb, false) as "countMachineOpens"
      from journey_versions v join workspaces w on w.id = v.workspace_id where v.id = ${versionId}`,
  ]);
  const nodes: Record<string, NodeStats> = {};
  const node = (id: string) =>
    (nodes[id] ??= { entered: 0, waiting: 0, branches: {}, failed: 0, exited: 0, counters: {} });
  const countMachineOpens = workspace?.countMachineOpens ?? false;
  for (const c of counts) {
    const n = node(c.nodeId);
    const machine = MACHINE_COUNTERS[c.metric];
    if (c.metric === 'entered') n.entered = c.n;
    else if (c.metric.startsWith('branch:')) n.branches[c.metric.slice('branch:'.length)] = c.n;
    else if (!machine) n.counters[c.metric] = (n.counters[c.metric] ?? 0) + c.n;
    else if (countMachineOpens) n.counters[machine] = (n.counters[machine] ?? 0) + c.n;
  }
  for (const q of queued) node(q.nodeId).counters.queued = q.n;
  const totals = { entered: 0, active: 0, completed: 0, failed: 0, converted: goals.converted, revenue: goals.revenue };
  for (const p of places) {
    const n = node(p.nodeId);
    totals.entered += p.n;
    if (p.status === 'waiting') n.waiting += p.n;
    if (p.status === 'failed') n.failed += p.n;
    if (p.status === 'exited' || p.status === 'completed') n.exited += p.n;
    if (p.status === 'waiting' || p.status === 'active') totals.active += p.n;
    if (p.status === 'exited' || p.status === 'completed') totals.completed += p.n;
    if (p.status === 'failed') totals.failed += p.n;
  }
  return { versionId, totals, nodes };
}
