// The loyalty:status job: keeps each member's tier and milestone (loyalty_members) current and
// announces changes as Loyalty Tier Changed / Points Milestone Reached events, delivered to
// journeys like ingested ones in the same transaction. Set-based and incremental: it recomputes
// only
// - customers whose points or orders changed (queued by triggers: loyalty_dirty_customers),
// - with a rolling window, customers who had an entry (or order) that left the window since the
//   last sweep: the only way a tier falls with no new activity, found by time on an index,
// - everyone with loyalty data, the first time and whenever the tiers or milestones change.
// One worker per workspace at a time (its state row is claimed with SKIP LOCKED).
import { createHash } from 'node:crypto';
import type { LoyaltySettings } from '@afterglow/journey-core';
import { loyaltySettingsSection, NOT_EARNED_KINDS, recordEventNames, tierWindowStart, type Queryable, type Sql } from '@afterglow/db';
import { writeLoyaltyStatus } from './loyalty-status-write';
import type { StoredEvent } from './types';

const BATCH = 2_000;
type Deliver = (tx: Queryable, events: StoredEvent[]) => Promise<unknown>;

const hashOf = (s: LoyaltySettings) => createHash('sha256').update(JSON.stringify({ tiers: s.tiers, milestones: s.milestones })).digest('hex').slice(0, 32);

/** Every workspace's pass; returns how many events were stored and delivered. */
export async function runLoyaltyStatus(sql: Sql, now: Date, deliver: Deliver): Promise<number> {
  let emitted = 0;
  for (const w of await loyaltySettingsSection.getAll(sql)) emitted += await workspacePass(sql, w.workspaceId, w.settings, now, deliver);
  return emitted;
}

async function workspacePass(sql: Sql, workspaceId: string, settings: LoyaltySettings, now: Date, deliver: Deliver): Promise<number> {
  return sql.begin(async (t) => {
    const tx = t as unknown as Queryable;
    await tx`insert into loyalty_status_state (workspace_id) values (${workspaceId}) on conflict do nothing`;
    const [state] = await tx<{ sweptAt: Date | null; settingsHash: string | null }[]>`
      select swept_at as "sweptAt", settings_hash as "settingsHash" from loyalty_status_state
      where workspace_id = ${workspaceId} for update skip locked`;
    if (!state) return 0; // another worker is on it
    const hash = hashOf(settings);
    const everyone = state.sweptAt === null || state.settingsHash !== hash;
    const ids = new Set(everyone ? await everyoneWithLoyaltyData(tx, workspaceId) : await leftTheWindow(tx, workspaceId, settings, state.sweptAt!, now));
    // Marks are taken (deleted) in this transaction: a rollback gives them back.
    for (;;) {
      const marked = await tx<{ customerId: string }[]>`
        delete from loyalty_dirty_customers d where d.ctid = any(array(
          select ctid from loyalty_dirty_customers where workspace_id = ${workspaceId} limit ${BATCH * 5} for update skip locked))
        returning d.customer_id as "customerId"`;
      marked.forEach((m) => ids.add(m.customerId));
      if (marked.length < BATCH * 5) break;
    }
    const all = [...ids].sort();
    const events: StoredEvent[] = [];
    for (let i = 0; i < all.length; i += BATCH) {
      const rows = await writeLoyaltyStatus(tx, workspaceId, settings, all.slice(i, i + BATCH), now);
      events.push(...rows.map((r) => ({ ...r, workspaceId, timestamp: now })));
    }
    await tx`update loyalty_status_state set swept_at = ${now.toISOString()}::timestamptz, settings_hash = ${hash}
      where workspace_id = ${workspaceId}`;
    if (events.length > 0) {
      await deliver(tx, events);
      // Counted where the event picker reads, as ingested events are.
      await recordEventNames(tx, workspaceId, events, now);
    }
    return events.length;
  }) as Promise<number>;
}

/** Customers with points, orders or a stored tier: the ones a full recomputation covers. */
const everyoneWithLoyaltyData = async (tx: Queryable, workspaceId: string) => (await tx<{ id: string }[]>`
  select customer_id as id from loyalty_ledger where workspace_id = ${workspaceId}
  union select customer_id from customer_order_stats where workspace_id = ${workspaceId}
  union select customer_id from loyalty_members where workspace_id = ${workspaceId}`).map((r) => r.id);

/**
 * Customers with something that counted at the last sweep and no longer does: an earning entry
 * (or order) between the window's start then and its start now. Lifetime tiers: none.
 */
async function leftTheWindow(tx: Queryable, workspaceId: string, settings: LoyaltySettings, sweptAt: Date, now: Date): Promise<string[]> {
  const start = tierWindowStart(settings.tiers, now);
  const before = tierWindowStart(settings.tiers, sweptAt);
  if (!start || !before || start <= before) return [];
  const range = { from: before.toISOString(), to: start.toISOString() };
  const rows = settings.tiers.basis === 'spend'
    ? await tx<{ id: string }[]>`select distinct customer_id as id from orders where workspace_id = ${workspaceId}
        and placed_at > ${range.from}::timestamptz and placed_at <= ${range.to}::timestamptz and status not in ('cancelled', 'refunded')`
    : await tx<{ id: string }[]>`select distinct customer_id as id from loyalty_ledger where workspace_id = ${workspaceId}
        and created_at > ${range.from}::timestamptz and created_at <= ${range.to}::timestamptz
        and kind <> all(${NOT_EARNED_KINDS}::text[]) and (points > 0 or kind = 'refund')`;
  return rows.map((r) => r.id);
}
