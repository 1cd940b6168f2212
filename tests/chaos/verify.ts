// What the chaos run must leave behind, measured from the database and the SMTP sink. The
// test asserts on these figures; `pnpm chaos` prints them.
import type { Database } from '@afterglow/db';
import { SMTP_CONNECTIONS } from '@afterglow/email';
import { placesOffRuns } from '../support/places';
import type { Received } from './sink';

export interface ChaosVerdict {
  runs: { total: number; enrolledCustomers: number; finished: number; inFutureWait: number; failed: number; stuck: number };
  email: {
    /** Buyers: each must receive exactly one email from the send node. */
    expected: number;
    outboxRows: number;
    outboxSent: number;
    /** Outbox rows of customers outside the segment, or a second row for one (run, node). */
    unexpectedRows: number;
    received: number;
    distinctMessageIds: number;
    /** Expected (run, send node) whose Message-ID never reached the sink. */
    missing: number;
    /** Received messages whose Message-ID or recipient matches no outbox row. */
    strangers: number;
    /** Resends in the documented window (crash between SMTP acceptance and the "sent" mark's commit). */
    duplicates: number;
    /** Recipients who got messages with different Message-IDs: a duplicate that is not a resend. */
    recipientsWithSeveralIds: number;
  };
  ledger: { rows: number; distinctRunNodes: number; runsGranted: number };
  /** (version, node, status) places whose trigger-kept count differs from a count of the runs. */
  placesOff: number;
  /** Steps whose counters of emails sent or points granted differ from the outbox and the ledger. */
  countersOff: number;
}

export async function verifyChaos(db: Database, received: Received[], now: Date): Promise<ChaosVerdict> {
  const [runs] = await db.sql`select count(*)::int as total,
      count(distinct customer_id)::int as "enrolledCustomers",
      count(*) filter (where status in ('completed', 'exited'))::int as finished,
      count(*) filter (where status = 'waiting' and due_at > ${now})::int as "inFutureWait",
      count(*) filter (where status = 'failed')::int as failed
    from journey_runs`;
  const [{ expected }] = await db.sql`select count(*)::int as expected from customers c
    where exists (select 1 from orders o where o.workspace_id = c.workspace_id and o.customer_id = c.id)`;
  const outbox = await db.sql<{ run_id: string; node_id: string; message_id: string; to_address: string; status: string; buyer: boolean }[]>`
    select e.run_id, e.node_id, e.message_id, e.to_address, e.status,
      exists (select 1 from orders o where o.workspace_id = e.workspace_id and o.customer_id = e.customer_id) as buyer
    from email_outbox e`;
  const byMessageId = new Map(outbox.map((r) => [r.message_id, r]));
  const runNodes = new Set(outbox.map((r) => `${r.run_id}:${r.node_id}`));
  const receivedIds = new Set(received.map((m) => m.messageId));
  const idsByRecipient = new Map<string, Set<string>>();
  for (const m of received) idsByRecipient.set(m.to, (idsByRecipient.get(m.to) ?? new Set()).add(m.messageId));
  const [ledger] = await db.sql`select count(*)::int as rows,
      count(distinct (run_id, node_id))::int as "distinctRunNodes", count(distinct run_id)::int as "runsGranted"
    from loyalty_ledger where kind = 'grant'`;
  // The counts the canvas reads, kept by triggers through every kill and restart.
  const placesOff = (await placesOffRuns(db.sql)).length;
  // The counters the canvas reads, added by the dispatch releasing its rows and by the batches.
  const [{ countersOff }] = await db.sql<{ countersOff: number }[]>`
    select count(*)::int as "countersOff"
    from (select version_id, node_id, metric, n from journey_node_counts where metric in ('emails', 'points')) c
    full join (
      select version_id, node_id, 'emails' as metric, count(*) as n from email_outbox where status = 'sent' group by 1, 2
      union all
      select r.version_id, l.node_id, 'points', sum(l.points) from loyalty_ledger l join journey_runs r on r.id = l.run_id group by 1, 2
    ) t using (version_id, node_id, metric)
    where c.n is distinct from t.n`;
  return {
    placesOff,
    countersOff,
    runs: { ...(runs as unknown as ChaosVerdict['runs']), stuck: runs.total - runs.finished - runs.inFutureWait },
    email: {
      expected,
      outboxRows: outbox.length,
      outboxSent: outbox.filter((r) => r.status === 'sent').length,
      unexpectedRows: outbox.filter((r) => !r.buyer).length + (outbox.length - runNodes.size),
      received: received.length,
      distinctMessageIds: receivedIds.size,
      missing: outbox.filter((r) => !receivedIds.has(r.message_id)).length,
      strangers: received.filter((m) => byMessageId.get(m.messageId)?.to_address !== m.to).length,
      duplicates: received.length - receivedIds.size,
      recipientsWithSeveralIds: [...idsByRecipient.values()].filter((ids) => ids.size > 1).length,
    },
    ledger: ledger as unknown as ChaosVerdict['ledger'],
  };
}

/**
 * The most emails a run may send twice: a worker killed (or dying by itself) cuts off its own
 * dispatch, a Postgres restart every worker's, and each dispatch cut off leaves at most one
 * email per SMTP connection accepted but not yet marked sent.
 */
export function resendBound(d: { workers: number; kills: number; restarts: number; selfExits: number }): number {
  return (d.kills + d.selfExits + d.restarts * d.workers) * SMTP_CONNECTIONS;
}

/** Everything that must hold, as sentences; empty when the run was effectively-once. */
export function chaosViolations(v: ChaosVerdict, customers: number, maxResends: number): string[] {
  const out: string[] = [];
  const check = (ok: boolean, message: string) => ok || out.push(message);
  check(v.runs.total === customers && v.runs.enrolledCustomers === customers, `runs: ${v.runs.total} for ${v.runs.enrolledCustomers} customers, expected ${customers}`);
  check(v.runs.stuck === 0, `${v.runs.stuck} runs are neither finished nor in a future wait`);
  check(v.runs.failed === 0, `${v.runs.failed} runs failed`);
  check(v.email.outboxRows === v.email.expected && v.email.unexpectedRows === 0, `outbox: ${v.email.outboxRows} rows (${v.email.unexpectedRows} unexpected), expected ${v.email.expected}`);
  check(v.email.outboxSent === v.email.expected, `outbox: ${v.email.outboxSent} of ${v.email.expected} sent`);
  check(v.email.missing === 0, `${v.email.missing} expected emails never reached the SMTP server`);
  check(v.email.strangers === 0, `${v.email.strangers} received emails match no outbox row`);
  check(v.email.duplicates <= maxResends, `${v.email.duplicates} emails were sent twice, more than the ${maxResends} the disruptions allow`);
  check(v.email.recipientsWithSeveralIds === 0, `${v.email.recipientsWithSeveralIds} recipients got emails with different Message-IDs`);
  check(v.ledger.rows === customers && v.ledger.distinctRunNodes === customers && v.ledger.runsGranted === customers,
    `ledger: ${v.ledger.rows} rows, ${v.ledger.distinctRunNodes} distinct (run, node), expected ${customers}`);
  check(v.placesOff === 0, `${v.placesOff} places counted on the canvas differ from a count of the runs`);
  check(v.countersOff === 0, `${v.countersOff} counters of emails sent or points granted differ from the outbox and the ledger`);
  return out;
}
