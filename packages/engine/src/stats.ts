// Per-node counters of a published version, read from journey_node_counts (what happened:
// entries, branches, holds, points granted), the runs' current places (journey_places_now: who
// is waiting where) and the effects (emails sent, coupons issued, tracked events).
import type { Sql } from '@afterglow/db';
import type { JourneyStats, NodeStats } from '@afterglow/journey-core';

const TRACKED_COUNTERS: Record<string, string> = {
  open: 'opens', click: 'clicks', bounce: 'bounces', unsubscribe: 'unsubscribes', complaint: 'complaints',
};

export async function journeyStats(sql: Sql, versionId: string): Promise<JourneyStats> {
  const [counts, places, emails, tracked, [goals], coupons] = await Promise.all([
    sql<{ nodeId: string; metric: string; n: number }[]>`
      select node_id as "nodeId", metric, n::int as n from journey_node_counts where version_id = ${versionId}`,
    sql<{ nodeId: string; status: string; n: number }[]>`
      select node_id as "nodeId", status, n::int as n from journey_places_now where version_id = ${versionId} and n <> 0`,
    // Sent; still queued (rendered and delivered by the dispatcher); undeliverable (render
    // failure, hard bounce, retries exhausted).
    sql<{ nodeId: string; status: string; n: number }[]>`
      select node_id as "nodeId", status, count(*)::int as n
      from email_outbox where version_id = ${versionId} and status in ('sent', 'pending', 'failed') group by 1, 2`,
    // Emails opened, clicked, bounced, unsubscribed from, marked as spam (each email once);
    // machine opens and clicks (scanners, prefetch, Apple MPP) are stored flagged and counted
    // only when the workspace's countMachineOpens setting says so.
    sql<{ nodeId: string; type: string; n: number }[]>`
      select node_id as "nodeId", type, count(distinct outbox_id)::int as n
      from email_events where version_id = ${versionId} and (not bot or coalesce((
        select w.settings -> 'countMachineOpens' = 'true'::jsonb
        from journey_versions v join workspaces w on w.id = v.workspace_id where v.id = ${versionId}), false))
      group by 1, 2`,
    sql<{ converted: number; revenue: number }[]>`
      select count(*)::int as converted, coalesce(sum(revenue), 0)::float8 as revenue
      from conversions where version_id = ${versionId}`,
    // Coupons each step issued, and how many of them an order has redeemed since.
    sql<{ nodeId: string; issued: number; redeemed: number }[]>`
      select node_id as "nodeId", count(*)::int as issued, count(redeemed_at)::int as redeemed
      from coupons where version_id = ${versionId} group by 1`,
  ]);
  const nodes: Record<string, NodeStats> = {};
  const node = (id: string) =>
    (nodes[id] ??= { entered: 0, waiting: 0, branches: {}, failed: 0, exited: 0, counters: {} });
  // What the engine counted as it stepped (node-counts.ts): entries, branches, holds, caps, points.
  for (const c of counts) {
    const n = node(c.nodeId);
    if (c.metric === 'entered') n.entered = c.n;
    else if (c.metric.startsWith('branch:')) n.branches[c.metric.slice('branch:'.length)] = c.n;
    else n.counters[c.metric] = c.n;
  }
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
  const emailCounter: Record<string, string> = { sent: 'emails', pending: 'queued', failed: 'undelivered' };
  for (const e of emails) node(e.nodeId).counters[emailCounter[e.status]] = e.n;
  for (const c of coupons) Object.assign(node(c.nodeId).counters, { issued: c.issued, redeemed: c.redeemed });
  for (const t of tracked) if (t.nodeId && TRACKED_COUNTERS[t.type]) node(t.nodeId).counters[TRACKED_COUNTERS[t.type]] = t.n;
  return { versionId, totals, nodes };
}
