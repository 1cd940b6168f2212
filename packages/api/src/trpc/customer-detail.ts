// Everything the customer page shows, read in a handful of bounded queries.
import { segmentMembers, segmentRuleSchema } from '@afterglow/db';
import { notFound } from '../journeys/errors';
import type { ApiDeps } from './deps';
import { iso } from './time';

type Ts = Date | string;
const RECENT = 50;

export async function customerDetail(deps: ApiDeps, workspaceId: string, id: string) {
  const { sql } = deps.database;
  const [profile] = await sql<{
    id: string; email: string | null; firstName: string | null; lastName: string | null; birthday: string | null;
    timezone: string; marketingConsent: boolean; attributes: Record<string, unknown>; createdAt: Ts; updatedAt: Ts;
  }[]>`
    select id, email, first_name as "firstName", last_name as "lastName", birthday::text as birthday, timezone,
      marketing_consent as "marketingConsent", attributes, created_at as "createdAt", updated_at as "updatedAt"
    from customers where workspace_id = ${workspaceId} and id = ${id}`;
  if (!profile) throw notFound('Customer', id);

  const [balance, ledger, orders, events, runs, segments] = await Promise.all([
    sql<{ balance: number }[]>`
      select coalesce(sum(points), 0)::int as balance from loyalty_ledger
      where workspace_id = ${workspaceId} and customer_id = ${id}`,
    sql<{ id: number; points: number; reason: string; nodeId: string | null; createdAt: Ts }[]>`
      select id::int as id, points, reason, node_id as "nodeId", created_at as "createdAt" from loyalty_ledger
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
    }[]>`
      select r.id, r.journey_id as "journeyId", coalesce(j.name, r.journey_id) as "journeyName", r.version_id as "versionId",
        v.version, r.node_id as "nodeId", r.status, r.due_at as "dueAt", r.exit_reason as "exitReason",
        r.last_error as "lastError", r.entered_at as "enteredAt", r.updated_at as "updatedAt"
      from journey_runs r
      left join journeys j on j.id = r.journey_id
      left join journey_versions v on v.id = r.version_id
      where r.workspace_id = ${workspaceId} and r.customer_id = ${id}
      order by r.entered_at desc limit ${RECENT}`,
    segmentsOf(deps, workspaceId, id),
  ]);

  return {
    profile: { ...profile, createdAt: iso(profile.createdAt), updatedAt: iso(profile.updatedAt) },
    loyalty: { balance: balance[0].balance, ledger: ledger.map((l) => ({ ...l, createdAt: iso(l.createdAt) })) },
    orders: orders.map((o) => ({ ...o, placedAt: iso(o.placedAt) })),
    events: events.map((e) => ({ ...e, timestamp: iso(e.timestamp) })),
    runs: runs.map((r) => ({ ...r, dueAt: iso(r.dueAt), enteredAt: iso(r.enteredAt), updatedAt: iso(r.updatedAt) })),
    segments,
  };
}

interface OrderItem {
  line: number; productId: string; name: string; category: string | null; brand: string | null; price: number; quantity: number;
}

/** Each saved segment evaluated for this one customer. */
async function segmentsOf(deps: ApiDeps, workspaceId: string, customerId: string): Promise<{ id: string; name: string }[]> {
  const all = await deps.database.sql<{ id: string; name: string; rule: unknown }[]>`
    select id, name, rule from segments where workspace_id = ${workspaceId} order by name, id`;
  const now = deps.clock.now();
  const checked = await Promise.all(all.map(async (s) => {
    const rule = segmentRuleSchema.safeParse(s.rule);
    if (!rule.success) return null;
    const members = await segmentMembers(deps.database.sql, workspaceId, rule.data, [customerId], now);
    return members.has(customerId) ? { id: s.id, name: s.name } : null;
  }));
  return checked.filter((s): s is { id: string; name: string } => s !== null);
}
