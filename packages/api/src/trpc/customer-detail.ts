// Everything the customer page shows, read in a handful of bounded queries.
import { customerTiers, loadLoyaltySettings, segmentMembers, segmentRuleSchema, type SuppressionFacts, type SuppressionReport } from '@afterglow/db';
import { notFound } from '../journeys/errors';
import { couponsOf } from './customer-coupons';
import type { ApiDeps } from './deps';
import { withReports } from './suppression-reports';
import { iso } from './time';

type Ts = Date | string;
const RECENT = 50;

export async function customerDetail(deps: ApiDeps, workspaceId: string, id: string) {
  const { sql } = deps.database;
  const [profile] = await sql<{
    id: string; email: string | null; firstName: string | null; lastName: string | null; birthday: string | null;
    timezone: string; locale: string | null; marketingConsent: boolean; attributes: Record<string, unknown>; tags: string[];
    createdAt: Ts; updatedAt: Ts;
  }[]>`
    select id, email, first_name as "firstName", last_name as "lastName", birthday::text as birthday, timezone, locale,
      marketing_consent as "marketingConsent", attributes, tags, created_at as "createdAt", updated_at as "updatedAt"
    from customers where workspace_id = ${workspaceId} and id = ${id}`;
  if (!profile) throw notFound('customer', id);

  const [balance, ledger, orders, events, runs, segments, consent, stats, coupons, tier] = await Promise.all([
    sql<{ balance: number }[]>`
      select coalesce(sum(points), 0)::int as balance from loyalty_ledger
      where workspace_id = ${workspaceId} and customer_id = ${id}`,
    sql<{ id: number; points: number; reason: string; kind: string; orderId: string | null; nodeId: string | null; createdAt: Ts }[]>`
      select id::int as id, points, reason, kind, order_id as "orderId", node_id as "nodeId", created_at as "createdAt" from loyalty_ledger
      where workspace_id = ${workspaceId} and customer_id = ${id} order by created_at desc, id desc limit ${RECENT}`,
    sql<{ id: string; status: string; currency: string; total: number; placedAt: Ts; items: OrderItem[] }[]>`
      select o.id, o.status, o.currency, o.total::float8 as total, o.placed_at as "placedAt",
        coalesce((select json_agg(json_build_object('line', i.line, 'productId', i.product_id, 'name', i.name,
            'category', i.category, 'brand', i.brand, 'price', i.price::float8, 'quantity', i.quantity) order by i.line)
          from order_items i where i.workspace_id = o.workspace_id and i.order_id = o.id), '[]'::json) as items
      from orders o where o.workspace_id = ${workspaceId} and o.customer_id = ${id}
      order by o.placed_at desc, o.id limit ${RECENT}`,
    sql<{ id: number; type: string; name: string | null; properties: Record<string, unknown>; timestamp: Ts }[]>`
      select id::int as id, type, name, properties, timestamp from events
      where workspace_id = ${workspaceId} and customer_id = ${id} order by timestamp desc, id desc limit ${RECENT}`,
    sql<{
      id: string; journeyId: string; journeyName: string; versionId: string; version: number | null; nodeId: string;
      status: string; dueAt: Ts | null; exitReason: string | null; lastError: string | null; enteredAt: Ts; updatedAt: Ts;
      nodeType: string | null;
    }[]>`
      select r.id, r.journey_id as "journeyId", coalesce(j.name, r.journey_id) as "journeyName", r.version_id as "versionId",
        v.version, r.node_id as "nodeId", r.status, r.due_at as "dueAt", r.exit_reason as "exitReason",
        r.last_error as "lastError", r.entered_at as "enteredAt", r.updated_at as "updatedAt",
        v.plan -> 'nodes' -> r.node_id ->> 'type' as "nodeType"
      from journey_runs r
      left join journeys j on j.id = r.journey_id
      left join journey_versions v on v.id = r.version_id
      where r.workspace_id = ${workspaceId} and r.customer_id = ${id}
      order by r.entered_at desc limit ${RECENT}`,
    segmentsOf(deps, workspaceId, id),
    consentOf(deps, workspaceId, id, profile.email, profile.marketingConsent),
    sql<{ orderCount: number; totalSpent: number; lastOrderAt: Ts }[]>`
      select order_count as "orderCount", total_spent::float8 as "totalSpent", last_order_at as "lastOrderAt"
      from customer_order_stats where workspace_id = ${workspaceId} and customer_id = ${id}`,
    couponsOf(deps, workspaceId, id, RECENT),
    tierOf(deps, workspaceId, id),
  ]);

  return {
    profile: { ...profile, createdAt: iso(profile.createdAt), updatedAt: iso(profile.updatedAt) },
    loyalty: { balance: balance[0].balance, tier, ledger: ledger.map((l) => ({ ...l, createdAt: iso(l.createdAt) })) },
    orders: orders.map((o) => ({ ...o, placedAt: iso(o.placedAt) })),
    events: events.map((e) => ({ ...e, timestamp: iso(e.timestamp) })),
    // Where they are, in the marketer's words: the step's label from its node type.
    runs: runs.map((r) => ({
      ...r, stepLabel: (r.nodeType && deps.registry.get(r.nodeType)?.ui.label) || r.nodeId,
      dueAt: iso(r.dueAt), enteredAt: iso(r.enteredAt), updatedAt: iso(r.updatedAt),
    })),
    segments,
    consent,
    coupons,
    orderStats: stats[0]
      ? { ...stats[0], lastOrderAt: iso(stats[0].lastOrderAt) }
      : { orderCount: 0, totalSpent: 0, lastOrderAt: null },
  };
}

/** The customer's tier in the shop's tiers now (the one definition, @afterglow/db), and what is left to the next. */
async function tierOf(deps: ApiDeps, workspaceId: string, customerId: string) {
  const { tiers } = await loadLoyaltySettings(deps.database.sql, workspaceId);
  const [found] = await customerTiers(deps.database.sql, workspaceId, tiers, [customerId], deps.clock.now());
  const current = tiers.list[found.index];
  const next = tiers.list[found.index + 1];
  return {
    id: current.id, name: current.name, benefits: current.benefits, basis: tiers.basis, windowDays: tiers.windowDays,
    next: next ? { name: next.name, left: Math.max(0, Math.round((next.threshold - found.measure) * 100) / 100) } : null,
  };
}

/** Marketing consent as the sender sees it: opt-in, suppression, topics turned off, last change. */
async function consentOf(deps: ApiDeps, workspaceId: string, customerId: string, email: string | null, marketing: boolean) {
  const { sql } = deps.database;
  const [suppression, preferences, changes] = await Promise.all([
    // An erased customer's address is kept only hashed; one created again with it is still suppressed.
    email ? sql<{ reason: string; facts: SuppressionFacts | null; report: SuppressionReport | null; outboxId: string | null; createdAt: Ts }[]>`
      select reason, facts, report, outbox_id as "outboxId", created_at as "createdAt" from email_suppressions
      where workspace_id = ${workspaceId} and address = ${email.toLowerCase()}
      union all
      select case when reason = 'hard_bounce' then reason else 'erased' end, null, null, null, created_at from hashed_suppressions
      where workspace_id = ${workspaceId} and address_hash = afterglow_address_hash(${email})`.then((rows) => withReports(sql, workspaceId, rows.slice(0, 1)))
      : Promise.resolve([]),
    sql<{ topics: Record<string, boolean> }[]>`
      select topics from customer_preferences where workspace_id = ${workspaceId} and customer_id = ${customerId}`,
    sql<{ action: string; topic: string | null; source: string; at: Ts }[]>`
      select action, topic, source, at from consent_ledger where workspace_id = ${workspaceId} and customer_id = ${customerId}
      order by at desc limit 10`,
  ]);
  return {
    marketing,
    suppressed: suppression[0] ? {
      reason: suppression[0].reason, facts: suppression[0].facts, report: suppression[0].report, outboxId: suppression[0].outboxId, since: iso(suppression[0].createdAt),
    } : null,
    topicsOff: Object.entries(preferences[0]?.topics ?? {}).filter(([, on]) => !on).map(([topic]) => topic),
    history: changes.map((c) => ({ ...c, at: iso(c.at) })),
  };
}

interface OrderItem {
  line: number; productId: string; name: string; category: string | null; brand: string | null; price: number; quantity: number;
}

/** Each saved segment evaluated for this one customer (exact now), with when they entered it. */
async function segmentsOf(deps: ApiDeps, workspaceId: string, customerId: string): Promise<{ id: string; name: string; since: string | null }[]> {
  const all = await deps.database.sql<{ id: string; name: string; rule: unknown; since: Ts | null }[]>`
    select s.id, s.name, s.rule, m.entered_at as since from segments s
    left join segment_memberships m on m.workspace_id = s.workspace_id and m.segment_id = s.id and m.customer_id = ${customerId}
    where s.workspace_id = ${workspaceId} order by s.name, s.id`;
  const now = deps.clock.now();
  const checked = await Promise.all(all.map(async (s) => {
    const rule = segmentRuleSchema.safeParse(s.rule);
    if (!rule.success) return null;
    // A rule referring to a deleted segment cannot be evaluated: it is left out, not fatal.
    const members = await segmentMembers(deps.database.sql, workspaceId, rule.data, [customerId], now).catch(() => new Set<string>());
    return members.has(customerId) ? { id: s.id, name: s.name, since: s.since ? iso(s.since) : null } : null;
  }));
  return checked.filter((s): s is { id: string; name: string; since: string | null } => s !== null);
}
