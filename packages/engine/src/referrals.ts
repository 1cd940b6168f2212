// The referrals job: decides pending referrals once their friend has a first order. Refused when
// a guard says no (the friend had ordered before the code was recognised; the friend has the
// referrer's email or shipping address; the first order was refunded or cancelled), completed
// once that order has stayed good for the workspace's qualifying period. A completed referral
// stores two "Referral Completed" events, one for each side, carrying both people, so one
// journey rewards and thanks both; and grants the referrer the loyalty rule's points when the
// rule is on. Set-based per batch, exactly once: rows are claimed with SKIP LOCKED and re-checked
// when marked, the events' message ids and the ledger's effect key are the referral's.
import { LOYALTY_EVENTS } from '@afterglow/journey-core';
import { loyaltySettingsSection, recordEventNames, type Queryable, type Sql } from '@afterglow/db';
import { normalisedEmail, qualifyingPeriod } from './referral-sql';
import type { StoredEvent } from './types';

const BATCH = 1_000;
const COMPLETED = LOYALTY_EVENTS.referralCompleted;

interface Decided {
  claimed: number;
  workspaceId: string | null;
  id: string | null;
  referrerId: string;
  friendId: string;
  state: 'completed' | 'refused';
  orderId: string;
  code: string;
  people: Record<string, string>;
}

type Deliver = (tx: Queryable, events: StoredEvent[]) => Promise<unknown>;

async function decideBatch(tx: Queryable, now: Date): Promise<Decided[]> {
  return tx<Decided[]>`
    with candidate as (
      select r.workspace_id, r.id, r.referrer_id, r.customer_id, r.recognised_at, o.id as order_id, o.placed_at, o.status,
        o.placed_at + ${qualifyingPeriod(tx)} <= ${now}::timestamptz as due,
        ${normalisedEmail(tx, 'fc.email')} = ${normalisedEmail(tx, 'rc.email')} as same_email,
        exists (select 1 from customer_addresses fa join customer_addresses ra on ra.workspace_id = fa.workspace_id
          and ra.customer_id = r.referrer_id and ra.address_key = fa.address_key
          where fa.workspace_id = r.workspace_id and fa.customer_id = r.customer_id) as same_address
      from referrals r
      join workspaces w on w.id = r.workspace_id
      cross join lateral (select o.id, o.placed_at, o.status from orders o where o.workspace_id = r.workspace_id
        and o.customer_id = r.customer_id order by o.placed_at, o.id limit 1) o
      left join customers fc on fc.workspace_id = r.workspace_id and fc.id = r.customer_id
      left join customers rc on rc.workspace_id = r.workspace_id and rc.id = r.referrer_id
      where r.state = 'pending'
    ), decision as (
      select c.*, case
          when c.placed_at < c.recognised_at then 'existing_customer'
          when c.same_email then 'same_email'
          when c.same_address then 'same_address'
          when c.status in ('refunded', 'cancelled') then 'order_refunded'
        end as reason
      from candidate c
    ), due as (
      select d.* from decision d join referrals r on r.workspace_id = d.workspace_id and r.id = d.id
      where d.reason is not null or d.due
      order by d.workspace_id, d.id
      limit ${BATCH}
      for update of r skip locked
    ), decided as (
      update referrals r set state = case when due.reason is null then 'completed' else 'refused' end,
        reason = due.reason, order_id = due.order_id, decided_at = ${now}::timestamptz
      from due where r.workspace_id = due.workspace_id and r.id = due.id and r.state = 'pending'
      returning r.workspace_id, r.id, r.referrer_id, r.customer_id, r.state, r.order_id, r.code)
    select (select count(*)::int from decided) as claimed, d.workspace_id as "workspaceId", d.id, d.referrer_id as "referrerId",
      d.customer_id as "friendId", d.state, d.order_id as "orderId", d.code,
      jsonb_build_object('referrer_first_name', coalesce(rc.first_name, ''), 'referrer_email', coalesce(rc.email, ''),
        'friend_first_name', coalesce(fc.first_name, ''), 'friend_email', coalesce(fc.email, '')) as people
    from (select 1) one left join decided d on true
    left join customers fc on fc.workspace_id = d.workspace_id and fc.id = d.customer_id
    left join customers rc on rc.workspace_id = d.workspace_id and rc.id = d.referrer_id`;
}

/** One event per side; the message id names the referral and the side, so it is stored once. */
async function storeCompletions(tx: Queryable, completed: Decided[], now: Date): Promise<StoredEvent[]> {
  const events = completed.flatMap((r) => (['referrer', 'friend'] as const).map((role): StoredEvent => ({
    workspaceId: r.workspaceId!, messageId: `referral-completed:${r.id}:${role}`, name: COMPLETED,
    customerId: role === 'referrer' ? r.referrerId : r.friendId, timestamp: now,
    properties: { role, referrer_id: r.referrerId, friend_id: r.friendId, order_id: r.orderId, code: r.code, ...r.people },
  })));
  const stored = await tx<{ messageId: string }[]>`
    insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp, received_at)
    select x."workspaceId", x."messageId", 'track', x."customerId", x.name, x.properties, ${now}, ${now}
    from jsonb_to_recordset(${JSON.stringify(events)}::text::jsonb)
      as x("workspaceId" text, "messageId" text, "customerId" text, name text, properties jsonb)
    on conflict (workspace_id, message_id) do nothing
    returning message_id as "messageId"`;
  const fresh = new Set(stored.map((s) => s.messageId));
  return events.filter((e) => fresh.has(e.messageId));
}

/** The referrer's points, when the workspace's referral rule is on: once per referral (the effect key). */
async function grantReferralPoints(tx: Queryable, completed: Decided[], now: Date): Promise<void> {
  const workspaceIds = [...new Set(completed.map((r) => r.workspaceId!))];
  const points = new Map((await loyaltySettingsSection.getAll(tx, workspaceIds)).map((w) => {
    const rule = w.settings.earning.referral;
    return [w.workspaceId, rule.enabled ? rule.points : 0];
  }));
  const grants = completed.filter((r) => (points.get(r.workspaceId!) ?? 0) > 0)
    .map((r) => ({ ws: r.workspaceId, customer: r.referrerId, points: points.get(r.workspaceId!), key: `referral:${r.id}`, order: r.orderId }));
  if (grants.length === 0) return;
  await tx`
    insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, order_id, effect_key, created_at)
    select x.ws, x.customer, x.points, 'Referral completed', 'referral', x."order", x.key, ${now}
    from jsonb_to_recordset(${JSON.stringify(grants)}::text::jsonb) as x(ws text, customer text, points int, key text, "order" text)
    on conflict (workspace_id, effect_key) where effect_key is not null do nothing`;
}

async function settleBatch(sql: Sql, now: Date, deliver: Deliver): Promise<{ claimed: number; emitted: number }> {
  return sql.begin(async (tx) => {
    const q = tx as unknown as Queryable;
    const rows = await decideBatch(q, now);
    const completed = rows.filter((r) => r.id !== null && r.state === 'completed');
    const events = completed.length > 0 ? await storeCompletions(q, completed, now) : [];
    if (completed.length > 0) await grantReferralPoints(q, completed, now);
    if (events.length > 0) await deliver(q, events);
    // Counted where the event picker reads, as ingested events are.
    for (const workspaceId of new Set(events.map((e) => e.workspaceId))) {
      await recordEventNames(q, workspaceId, events.filter((e) => e.workspaceId === workspaceId), now);
    }
    return { claimed: rows[0].claimed, emitted: events.length };
  }) as Promise<{ claimed: number; emitted: number }>;
}

/** Decides every pending referral that can be decided, batch by batch; returns the events emitted. */
export async function completeReferrals(sql: Sql, now: Date, deliver: Deliver): Promise<number> {
  let emitted = 0;
  for (;;) {
    const batch = await settleBatch(sql, now, deliver);
    emitted += batch.emitted;
    if (batch.claimed < BATCH) return emitted;
  }
}
