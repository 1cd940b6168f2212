// Points expiry (the Agenda job `loyalty:expiry`): per workspace with expiry switched on, batch by
// batch, members quiet for long enough are reminded (Points Expiring) and, when the announced
// moment comes, lose their points (one 'expire' ledger entry, Points Expired). The statements are
// in loyalty-expiry-sql.ts; here the batches run in transactions and their events go where
// ingested ones go (goals, waits, triggers) in the same transaction, as abandoned checkouts do.
import { loyaltySettingsSection, recordEventNames, type Queryable, type Sql } from '@afterglow/db';
import { LOYALTY_EVENTS } from '@afterglow/journey-core';
import { EXPIRY_BATCH, expireBatch, nextExpiryMoment, remindBatch, type ExpiryRow, type ExpiryRule } from './loyalty-expiry-sql';
import type { StoredEvent } from './types';

type Deliver = (tx: Queryable, events: StoredEvent[]) => Promise<unknown>;
type Statement = (tx: Queryable, rule: ExpiryRule, now: Date) => Promise<ExpiryRow[]>;

/** The workspaces whose expiry is on, with their rule as the settings read it (invalid settings are the defaults: off). */
async function expiryRules(sql: Queryable): Promise<ExpiryRule[]> {
  return (await loyaltySettingsSection.getAll(sql)).flatMap(({ workspaceId, settings: { expiry } }) =>
    expiry.enabled ? [{ workspaceId, monthsInactive: expiry.monthsInactive, remindDaysBefore: expiry.remindDaysBefore }] : []);
}

/** One batch in one transaction: settled, its events stored, delivered and counted for the event picker. */
async function settleBatch(sql: Sql, statement: Statement, name: string, rule: ExpiryRule, now: Date, deliver: Deliver) {
  return sql.begin(async (tx) => {
    const rows = await statement(tx, rule, now);
    const events: StoredEvent[] = rows.filter((r) => r.messageId !== null).map((r) => ({
      workspaceId: rule.workspaceId, messageId: r.messageId!, customerId: r.customerId, properties: r.properties, name, timestamp: now,
    }));
    if (events.length > 0) {
      await deliver(tx as unknown as Queryable, events);
      await recordEventNames(tx as unknown as Queryable, rule.workspaceId, events, now);
    }
    return { claimed: rows[0]?.claimed ?? 0, emitted: events.length };
  }) as Promise<{ claimed: number; emitted: number }>;
}

async function drain(sql: Sql, statement: Statement, name: string, rule: ExpiryRule, now: Date, deliver: Deliver): Promise<number> {
  let emitted = 0;
  for (;;) {
    const batch = await settleBatch(sql, statement, name, rule, now, deliver);
    emitted += batch.emitted;
    if (batch.claimed < EXPIRY_BATCH) return emitted;
  }
}

/**
 * Reminds and expires every due member of every workspace with expiry on; returns the events
 * emitted. Expiries first: a reminder made now announces a moment at least a day away.
 */
export async function runLoyaltyExpiry(sql: Sql, now: Date, deliver: Deliver): Promise<{ reminded: number; expired: number }> {
  let reminded = 0;
  let expired = 0;
  for (const rule of await expiryRules(sql)) {
    expired += await drain(sql, expireBatch, LOYALTY_EVENTS.expired, rule, now, deliver);
    reminded += await drain(sql, remindBatch, LOYALTY_EVENTS.expiring, rule, now, deliver);
  }
  return { reminded, expired };
}

/** The next moment after `after` at which some member anywhere is due a reminder or an expiry. */
export async function nextLoyaltyExpiry(sql: Queryable, after: Date): Promise<Date | null> {
  const moments = await Promise.all((await expiryRules(sql)).map((rule) => nextExpiryMoment(sql, rule, after)));
  const times = moments.filter((t): t is Date => t instanceof Date).map((t) => t.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}
