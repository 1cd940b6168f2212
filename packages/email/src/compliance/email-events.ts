// What recipients did with an email (opened, clicked, bounced, unsubscribed, complained), stored
// in email_events, and counted on the journey step that sent it in the same transaction: each
// email once per type, at its first. Machine opens and clicks (scanners, prefetch, Apple Mail
// Privacy Protection) are counted apart, as `machine_opens` / `machine_clicks`: emails only
// machines have opened (clicked) so far. A person's first open of such an email moves it from
// `machine_opens` to `opens`, so the countMachineOpens setting is applied when the counters are
// read (opens, plus machine_opens when it is on) and each email still counts once. A bounce also
// counts as `hard_bounces` or `soft_bounces`, as it was when reported.
import { addNodeCounts, pgArray, type CountRow, type Queryable } from '@afterglow/db';

export type EmailEventType = 'open' | 'click' | 'bounce' | 'unsubscribe' | 'complaint';

export interface EmailEvent {
  workspaceId: string;
  outboxId: string;
  type: EmailEventType;
  at: Date;
  linkIdx?: number | null;
  /** A machine's hit (classifyHit), not a person's. */
  bot?: boolean;
  botReason?: string | null;
  userAgent?: string | null;
  /** A bounce's reason code (`mailbox_full`); stored with it. */
  reason?: string | null;
  /** A soft bounce: counted towards the soft-bounce limit, and as `soft_bounces` (else `hard_bounces`). */
  soft?: boolean;
}

const COUNTER: Record<EmailEventType, string> = {
  open: 'opens', click: 'clicks', bounce: 'bounces', unsubscribe: 'unsubscribes', complaint: 'complaints',
};

interface Email { id: string; customer_id: string; version_id: string | null; node_id: string | null }

/**
 * Stores the events of emails that exist (the others are dropped) and adds their counters. The
 * emails' outbox rows are locked first, in one order, and their earlier events read after the
 * lock is held: two hits of one email at once are counted one after the other, the second
 * seeing the first. `firstOnly` stores only each email's first event of a type (delivery
 * reports that are repeated). Returns the events stored.
 */
export async function recordEmailEvents(tx: Queryable, events: EmailEvent[], opts: { firstOnly?: boolean } = {}): Promise<EmailEvent[]> {
  if (events.length === 0) return [];
  const keys = [...new Map(events.map((e) => [e.outboxId, e.workspaceId])).entries()];
  const ids = pgArray(keys.map(([id]) => id));
  const workspaces = pgArray(keys.map(([, ws]) => ws));
  // Pipelined: the second statement starts once the first holds the locks, with a snapshot of its own.
  const [emails, earlier] = await Promise.all([
    tx<Email[]>`
      select o.id, o.customer_id, o.version_id, o.node_id
      from email_outbox o join unnest(${ids}::uuid[], ${workspaces}::text[]) as k(id, ws)
        on o.id = k.id and o.workspace_id = k.ws
      order by o.id for no key update of o`,
    tx<{ outbox_id: string; type: string; person: boolean }[]>`
      select e.outbox_id, e.type, bool_or(not e.bot) as person
      from email_events e join unnest(${ids}::uuid[], ${workspaces}::text[]) as k(id, ws)
        on e.workspace_id = k.ws and e.outbox_id = k.id
      group by 1, 2`,
  ]);
  const byId = new Map(emails.map((e) => [e.id, e]));
  const seen = new Map(earlier.map((e) => [`${e.outbox_id}/${e.type}`, { person: e.person }]));
  const stored: { event: EmailEvent; email: Email }[] = [];
  const counts: CountRow[] = [];
  for (const event of events) {
    const email = byId.get(event.outboxId);
    const key = `${event.outboxId}/${event.type}`;
    const before = seen.get(key);
    if (!email || (opts.firstOnly && before)) continue;
    stored.push({ event, email });
    seen.set(key, { person: (before?.person ?? false) || !event.bot });
    if (email.version_id !== null && email.node_id !== null) counts.push(...countersOf(event, before, email));
  }
  const column = (pick: (s: { event: EmailEvent; email: Email }) => string | number | boolean | Date | null | undefined) =>
    pgArray(stored.map(pick));
  const insert = stored.length === 0 ? [] : [tx`
    insert into email_events (workspace_id, outbox_id, customer_id, version_id, node_id, type, link_idx, bot, bot_reason, user_agent, reason, soft, at)
    select * from unnest(${column((s) => s.event.workspaceId)}::text[], ${column((s) => s.email.id)}::uuid[],
      ${column((s) => s.email.customer_id)}::text[], ${column((s) => s.email.version_id)}::text[],
      ${column((s) => s.email.node_id)}::text[], ${column((s) => s.event.type)}::text[], ${column((s) => s.event.linkIdx)}::int[],
      ${column((s) => s.event.bot ?? false)}::boolean[], ${column((s) => s.event.botReason)}::text[],
      ${column((s) => s.event.userAgent)}::text[], ${column((s) => s.event.reason)}::text[],
      ${column((s) => s.event.soft ?? false)}::boolean[], ${column((s) => s.event.at)}::timestamptz[])`];
  await Promise.all([...insert, addNodeCounts(tx, counts)]);
  return stored.map((s) => s.event);
}

/** A person's first event of its type counts; a machine's only when nothing came before it. */
function countersOf(event: EmailEvent, before: { person: boolean } | undefined, email: Email): CountRow[] {
  const at = (metric: string, n: number) => ({ version: email.version_id!, node: email.node_id!, metric, n });
  const counter = COUNTER[event.type];
  if (event.bot) return before ? [] : [at(`machine_${counter}`, 1)];
  if (before?.person) return [];
  // A bounce is counted as such and, apart, as hard or soft (bounces are never a machine's).
  const kind = event.type === 'bounce' ? [at(event.soft ? 'soft_bounces' : 'hard_bounces', 1)] : [];
  return before ? [at(counter, 1), at(`machine_${counter}`, -1)] : [at(counter, 1), ...kind];
}
