// The two statements of points expiry, each settling one bounded batch of one workspace's members
// (claimed with SKIP LOCKED) and storing the events it derives:
// - remind: a member quiet until `remindDaysBefore` days before their expiry, not yet reminded in
//   this quiet spell, is marked reminded and, holding points, told when they expire (Points
//   Expiring). The date told is the spell's expiry, or `remindDaysBefore` days on when the
//   reminder comes late (expiry just switched on, workers stopped): nobody loses points unwarned.
// - expire: a member whose announced expiry has come loses the whole positive balance as one
//   'expire' ledger entry, and a Points Expired event says how many.
// The claim (FOR UPDATE re-checks its conditions on the row it locks) holds the rows to the end of
// the transaction, so the marking joins on the key alone: a re-check there would let the planner
// scan the claim's partial index once per claimed row when its statistics are stale.
// A spell is named by its last activity's time: the ledger's effect key and the events' message
// ids carry it, so a retry or a second worker never makes a second entry or event. New activity
// (the ledger trigger of 0044) clears both marks and so cancels an announced expiry.
import type { Queryable } from '@afterglow/db';
import { LOYALTY_EVENTS } from '@afterglow/journey-core';

export const EXPIRY_BATCH = 2_000;

export interface ExpiryRule { workspaceId: string; monthsInactive: number; remindDaysBefore: number }

export interface ExpiryRow {
  /** Members this statement settled (with points or not). */
  claimed: number;
  messageId: string | null;
  customerId: string;
  properties: Record<string, unknown>;
}

const iso = (tx: Queryable, column: string) => tx.unsafe(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
/** The spell's name: its last activity to the microsecond. */
const spell = (tx: Queryable, column: string) => tx.unsafe(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
const months = (tx: Queryable, rule: ExpiryRule) => tx`make_interval(months => ${rule.monthsInactive}::int)`;
const days = (tx: Queryable, rule: ExpiryRule) => tx`make_interval(days => ${rule.remindDaysBefore}::int)`;

/** A claimed member's balance (the ledger, summed through its customer index), counted only once claimed. */
const balance = (tx: Queryable, rule: ExpiryRule) => tx`coalesce((select sum(l.points) from loyalty_ledger l
  where l.workspace_id = ${rule.workspaceId} and l.customer_id = due.customer_id), 0)::int`;

/** Marks one batch of due members reminded and stores the Points Expiring events of those holding points. */
export function remindBatch(tx: Queryable, rule: ExpiryRule, now: Date) {
  const ws = rule.workspaceId;
  return tx<ExpiryRow[]>`
    with due as (
      select m.customer_id, m.last_activity_at from loyalty_members m
      where m.workspace_id = ${ws} and m.expiry_reminded_at is null
        -- the index's range (month lengths differ by up to 3 days), then the exact moment
        and m.last_activity_at <= ${now}::timestamptz + ${days(tx, rule)} - ${months(tx, rule)} + interval '3 days'
        and m.last_activity_at + ${months(tx, rule)} - ${days(tx, rule)} <= ${now}::timestamptz
      order by m.last_activity_at
      limit ${EXPIRY_BATCH}
      for update of m skip locked),
    counted as (select due.customer_id, due.last_activity_at, ${balance(tx, rule)} as points from due),
    marked as (
      update loyalty_members m set expiry_reminded_at = ${now}, updated_at = ${now},
        expires_at = case when counted.points > 0 then greatest(counted.last_activity_at + ${months(tx, rule)}, ${now}::timestamptz + ${days(tx, rule)}) end
      from counted where m.workspace_id = ${ws} and m.customer_id = counted.customer_id
      returning m.customer_id, m.last_activity_at, m.expires_at, counted.points),
    stored as (
      insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp, received_at)
      select ${ws}, 'loyalty-expiry-reminder:' || customer_id || ':' || ${spell(tx, 'last_activity_at')}, 'track', customer_id,
        ${LOYALTY_EVENTS.expiring}, jsonb_build_object('points', points, 'expires_at', ${iso(tx, 'expires_at')},
          'days_left', ceil(extract(epoch from expires_at - ${now}::timestamptz) / 86400)::int), ${now}, ${now}
      from marked where expires_at is not null
      on conflict (workspace_id, message_id) do nothing
      returning message_id, customer_id, properties)
    select (select count(*)::int from marked) as claimed, s.message_id as "messageId", s.customer_id as "customerId", s.properties
    from (select 1) one left join stored s on true`;
}

/** Expires one batch of announced expiries that have come: one ledger entry and one Points Expired event each. */
export function expireBatch(tx: Queryable, rule: ExpiryRule, now: Date) {
  const ws = rule.workspaceId;
  return tx<ExpiryRow[]>`
    with due as (
      select m.customer_id, m.last_activity_at from loyalty_members m
      where m.workspace_id = ${ws} and m.expires_at <= ${now}
      order by m.expires_at
      limit ${EXPIRY_BATCH}
      for update of m skip locked),
    counted as (select due.customer_id, due.last_activity_at, ${balance(tx, rule)} as points from due),
    marked as (
      update loyalty_members m set expires_at = null, updated_at = ${now}
      from counted where m.workspace_id = ${ws} and m.customer_id = counted.customer_id
      returning m.customer_id, m.last_activity_at, counted.points),
    entries as (
      insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, effect_key, created_at)
      select ${ws}, customer_id, -points, 'Points expired', 'expire', 'loyalty-expiry:' || customer_id || ':' || ${spell(tx, 'last_activity_at')}, ${now}
      from marked where points > 0
      on conflict (workspace_id, effect_key) where effect_key is not null do nothing
      returning customer_id, -points as points, effect_key),
    stored as (
      insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp, received_at)
      select ${ws}, effect_key, 'track', customer_id, ${LOYALTY_EVENTS.expired}, jsonb_build_object('points', points), ${now}, ${now}
      from entries
      on conflict (workspace_id, message_id) do nothing
      returning message_id, customer_id, properties)
    select (select count(*)::int from marked) as claimed, s.message_id as "messageId", s.customer_id as "customerId", s.properties
    from (select 1) one left join stored s on true`;
}

/** The next moment after `after` at which a member of the workspace is due a reminder or an expiry (for the test harness's stops). */
export async function nextExpiryMoment(tx: Queryable, rule: ExpiryRule, after: Date): Promise<Date | null> {
  const ws = rule.workspaceId;
  const [row] = await tx<{ at: Date | null }[]>`
    select least(
      (select min(last_activity_at + ${months(tx, rule)} - ${days(tx, rule)}) from loyalty_members
        where workspace_id = ${ws} and expiry_reminded_at is null and last_activity_at + ${months(tx, rule)} - ${days(tx, rule)} > ${after}),
      (select min(expires_at) from loyalty_members where workspace_id = ${ws} and expires_at > ${after})) as at`;
  return row?.at ?? null;
}
