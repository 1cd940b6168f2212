// One run's timeline: every step it took (run_steps) with the branch and the facts the engine
// recorded, and what its steps did in the world: emails (with the outbox's copy when the
// development sink received it), coupons and points. Each effect is found by its run's own
// keys (the outbox's effect key, the customer's coupons and ledger), never by a scan.
import type { Queryable } from '@afterglow/db';
import type { JourneyGraph } from '@afterglow/journey-core';
import { notFound } from '../journeys/errors';
import { iso } from '../trpc/time';

type Ts = Date | string;

interface RunHead {
  id: string; workspaceId: string; journeyId: string; journeyName: string; versionId: string; version: number;
  graph: JourneyGraph; customerId: string; email: string | null; name: string | null; status: string; nodeId: string;
  dueAt: Ts | null; enteredAt: Ts; updatedAt: Ts; exitReason: string | null; lastError: string | null;
  trigger: { name?: string; properties?: Record<string, unknown> } | null;
}

async function runHead(sql: Queryable, workspaceId: string, runId: string): Promise<RunHead> {
  const [run] = await sql<RunHead[]>`
    select r.id, r.workspace_id as "workspaceId", r.journey_id as "journeyId", j.name as "journeyName",
      r.version_id as "versionId", v.version, v.graph, r.customer_id as "customerId", c.email,
      nullif(concat_ws(' ', c.first_name, c.last_name), '') as name, r.status, r.node_id as "nodeId",
      r.due_at as "dueAt", r.entered_at as "enteredAt", r.updated_at as "updatedAt", r.exit_reason as "exitReason",
      r.last_error as "lastError", r.context -> 'trigger' as trigger
    from journey_runs r
    join journeys j on j.id = r.journey_id
    join journey_versions v on v.id = r.version_id
    left join customers c on c.workspace_id = r.workspace_id and c.id = r.customer_id
    where r.id = ${runId} and r.workspace_id = ${workspaceId}`;
  if (!run) throw notFound('run', runId, 'runId');
  return run;
}

interface Step { stepNo: number; nodeId: string; outcome: string; branch: string | null; detail: Record<string, unknown> | null; at: Ts }

/**
 * The effect keys a run's steps may have written (engine effectKey): `<run>:<node>`, and after a
 * turn through a loop `<run>:<node>.pass<turns so far>`. Turns are at most the steps that went on,
 * so those keys are tried for every step the run visited; a run that never looped has none.
 */
function effectKeys(runId: string, steps: Step[]): string[] {
  const nodes = new Set(steps.map((s) => s.nodeId));
  const keys = [...nodes].map((node) => `${runId}:${node}`);
  const visits = steps.filter((s) => s.outcome !== 'resume').length;
  if (visits === nodes.size) return keys;
  const turns = Math.min(steps.filter((s) => s.outcome === 'next').length, MAX_TURNS_LOOKED_UP);
  for (const node of nodes) for (let pass = 1; pass <= turns; pass++) keys.push(`${runId}:${node}.pass${pass}`);
  return keys;
}

/** Past this many loop turns, later turns' effects are not looked up (a timeline, not an audit). */
const MAX_TURNS_LOOKED_UP = 200;

export async function runTimeline(sql: Queryable, workspaceId: string, runId: string) {
  const run = await runHead(sql, workspaceId, runId);
  const steps = await sql<Step[]>`
    select step_no as "stepNo", node_id as "nodeId", outcome, branch, detail, at
    from run_steps where run_id = ${runId} order by step_no`;
  const keys = effectKeys(runId, steps);
  const [emails, coupons, points] = await Promise.all([
    sql<{ nodeId: string; status: string; subject: string | null; toAddress: string; sentAt: Ts | null; createdAt: Ts; lastError: string | null; mailboxId: string | null }[]>`
      select o.node_id as "nodeId", o.status, o.subject, o.to_address as "toAddress", o.sent_at as "sentAt",
        o.created_at as "createdAt", o.last_error as "lastError",
        (select d.id from dev_mailbox d where d.message_id = o.message_id limit 1) as "mailboxId"
      from email_outbox o where o.workspace_id = ${workspaceId} and o.effect_key = any(${keys}::text[])
      order by o.created_at`,
    sql<{ nodeId: string; code: string; kind: string; value: number; expiresAt: Ts | null; createdAt: Ts; redeemedAt: Ts | null; redeemedOrderId: string | null }[]>`
      select node_id as "nodeId", code, kind, value, expires_at as "expiresAt", created_at as "createdAt",
        redeemed_at as "redeemedAt", redeemed_order_id as "redeemedOrderId"
      from coupons where workspace_id = ${workspaceId} and effect_key = any(${keys}::text[]) order by created_at`,
    sql<{ nodeId: string; points: number; reason: string; createdAt: Ts }[]>`
      select node_id as "nodeId", points, reason, created_at as "createdAt"
      from loyalty_ledger where workspace_id = ${workspaceId} and effect_key = any(${keys}::text[]) order by created_at`,
  ]);
  const { workspaceId: _ws, trigger, ...head } = run;
  return {
    run: { ...head, dueAt: iso(run.dueAt), enteredAt: iso(run.enteredAt), updatedAt: iso(run.updatedAt),
      trigger: trigger && { name: trigger.name ?? null, properties: trigger.properties ?? {} } },
    steps: steps.map((s) => ({ ...s, at: iso(s.at) })),
    emails: emails.map((e) => ({ ...e, sentAt: iso(e.sentAt), createdAt: iso(e.createdAt) })),
    coupons: coupons.map((c) => ({ ...c, expiresAt: iso(c.expiresAt), createdAt: iso(c.createdAt), redeemedAt: iso(c.redeemedAt) })),
    points: points.map((p) => ({ ...p, createdAt: iso(p.createdAt) })),
  };
}
