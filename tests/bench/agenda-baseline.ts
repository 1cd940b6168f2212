// The naive design the engine is measured against: one Agenda job per customer step. Each
// job loads its run and customer, executes the node through the same registry, writes the
// step and its effect, and enqueues the next step as a new job. Same journey, same node
// code, same database; only the scheduling differs.
import { PostgresBackend } from '@agendajs/postgres-backend';
import { parseSegmentRule, segmentMembers, type Database, type Queryable, type Sql } from '@afterglow/db';
import { createHash } from 'node:crypto';
import type { JourneyPlan } from '@afterglow/journey-core';
import type { CustomerSnapshot, ExecContext, Instruction, NodeRegistry } from '@afterglow/node-sdk';
import { Agenda, type Job } from 'agenda';
import pg from 'pg';

const JOB = 'journey-step';

/** Runs `runIds` (due at the trigger) through the journey, one job per step; returns steps/s. */
export async function agendaStepsPerSecond(db: Database, registry: NodeRegistry, runIds: string[]): Promise<number> {
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  pool.on('error', () => {});
  const agenda = new Agenda({ backend: new PostgresBackend({ pool }), processEvery: '100 milliseconds', defaultLockLifetime: 10_000 });
  agenda.on('error', () => {});
  const plans = new Map<string, Promise<JourneyPlan>>();
  const planOf = (versionId: string) => {
    if (!plans.has(versionId)) {
      plans.set(versionId, db.sql`select plan from journey_versions where id = ${versionId}`.then(([r]) => r.plan as JourneyPlan));
    }
    return plans.get(versionId)!;
  };
  let steps = 0;
  let asleep = 0;
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => { finished = resolve; });

  agenda.define(JOB, async (job: Job<{ runId: string }>) => {
    const proceed = await db.sql.begin((tx) => step(tx as unknown as Queryable, job.attrs.data.runId));
    steps++;
    if (proceed) await agenda.now(JOB, { runId: job.attrs.data.runId });
    else if (++asleep === runIds.length) finished();
  }, { concurrency: 20 });

  async function step(tx: Queryable, runId: string): Promise<boolean> {
    const [run] = await tx`select * from journey_runs where id = ${runId} for update`;
    const [customer] = await tx<CustomerSnapshot[]>`
      select id, email, first_name as "firstName", last_name as "lastName", timezone, birthday, locale,
        marketing_consent as "marketingConsent", attributes, tags
      from customers where workspace_id = ${run.workspace_id} and id = ${run.customer_id}`;
    const plan = await planOf(run.version_id);
    const node = plan.nodes[run.node_id];
    const def = registry.get(node.type)!;
    const now = new Date();
    const key = `${run.id}:${run.node_id}`;
    const ctx: ExecContext = {
      run: { id: run.id, journeyId: run.journey_id, versionId: run.version_id, enteredAt: run.entered_at, stepCount: run.step_count, trigger: null, context: run.context },
      customer, nodeId: run.node_id, now: () => now, idempotencyKey: key, log: () => {},
      // The bench journey counts nothing, queues with no service, sends no marketing email, holds no one out.
      count: () => {},
      holdOut: () => { throw new Error('the bench journey has no holdout'); },
      enqueue: async () => { throw new Error('the bench journey uses no service'); },
      sendPolicy: { check: async () => ({ decision: 'send' }) },
      services: {
        email: {
          async send(request) {
            // The same work as the engine's step: queue the email by reference (rendered at send time).
            const hash = createHash('sha256').update(JSON.stringify(request)).digest('base64url');
            await tx`insert into email_contents (workspace_id, hash, request) values (${run.workspace_id}, ${hash}, ${tx.json(request as never)})
              on conflict do nothing`;
            await tx`insert into email_outbox (workspace_id, effect_key, customer_id, run_id, journey_id, version_id, node_id, kind,
                to_address, from_address, content_hash, message_id, next_attempt_at, created_at)
              values (${run.workspace_id}, ${key}, ${customer.id}, ${run.id}, ${run.journey_id}, ${run.version_id}, ${run.node_id},
                ${request.kind}, ${customer.email!}, 'shop@example.com', ${hash}, ${`<${key}@bench>`}, ${now}, ${now})
              on conflict do nothing`;
            return { status: 'queued' as const };
          },
        },
        points: {
          async grant(amount, reason) {
            await tx`insert into loyalty_ledger (workspace_id, customer_id, points, reason, effect_key, run_id, node_id, created_at)
              values (${run.workspace_id}, ${customer.id}, ${amount}, ${reason}, ${key}, ${run.id}, ${run.node_id}, ${now})`;
          },
        },
        coupons: {
          // The naive design: one INSERT per coupon (the bench journey issues none).
          async issue(r) {
            const coupon = { code: `${r.prefix}-${key}`, kind: r.kind, value: r.value, minOrderTotal: r.minOrderTotal,
              description: r.description, expiresAt: new Date(now.getTime() + r.validDays * 86400e3).toISOString() };
            await tx`insert into coupons (workspace_id, code, customer_id, run_id, node_id, effect_key, kind, value, description, expires_at, created_at)
              values (${run.workspace_id}, ${coupon.code}, ${customer.id}, ${run.id}, ${run.node_id}, ${key}, ${r.kind}, ${r.value},
                ${r.description}, ${coupon.expiresAt}, ${now}) on conflict do nothing`;
            return coupon;
          },
        },
        profile: { update: async () => { throw new Error('the bench journey updates no profile'); } },
        segments: {
          async isMember(segmentId) {
            const [s] = await tx`select rule from segments where workspace_id = ${run.workspace_id} and id = ${segmentId}`;
            const members = await segmentMembers(tx as Sql, run.workspace_id, parseSegmentRule(s.rule), [customer.id], now);
            return members.has(customer.id);
          },
        },
        orders: {
          async hasBought(f) {
            const rule = { kind: 'bought' as const, what: f.what, value: f.value, withinDays: f.withinDays };
            return (await segmentMembers(tx as Sql, run.workspace_id, rule, [customer.id], now)).has(customer.id);
          },
          predictNextPurchase: async () => { throw new Error('the bench journey predicts no purchase'); },
        },
        // The bench journey alerts no one.
        staff: { alert: async () => { throw new Error('the bench journey sends no staff alert'); } },
      },
    };
    const instruction: Instruction = def.execute
      ? await def.execute(ctx, node.config as never)
      : { kind: 'next', branch: Object.keys(node.next)[0] ?? 'out' };
    const step = instruction.kind === 'next'
      ? { node: run.node_id, outcome: 'next', branch: instruction.branch } : { node: run.node_id, outcome: 'sleep' };
    await tx`insert into run_walks (run_id, first_step, workspace_id, version_id, steps, at)
      values (${run.id}, ${run.step_count + 1}, ${run.workspace_id}, ${run.version_id}, ${tx.json([step])}, ${now})`;
    const target = instruction.kind === 'next' ? node.next[instruction.branch] : null;
    const due = instruction.kind === 'sleepUntil' ? instruction.until : null;
    await tx`update journey_runs set step_count = step_count + 1, updated_at = ${now},
        node_id = ${target ?? run.node_id}, status = ${target ? 'active' : 'waiting'}, due_at = ${due}
      where id = ${run.id}`;
    return target !== null && target !== undefined;
  }

  await agenda.start();
  // Enqueuing each customer's first step is part of this design's cost: timed.
  const started = performance.now();
  for (const runId of runIds) await agenda.now(JOB, { runId });
  await done;
  const seconds = (performance.now() - started) / 1000;
  await agenda.stop();
  await pool.end();
  return steps / seconds;
}
