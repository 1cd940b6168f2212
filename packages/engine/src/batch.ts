// One batch of the engine: claim due runs with their customers (SKIP LOCKED, so any number of
// workers share the work), walk each, and write every result back with set-based SQL in the
// same transaction: one UPDATE of runs, one INSERT of walks (each run's steps in one row), one
// of outbox rows (staff alerts among them), one of ledger rows, one UPDATE of customers'
// profiles, one of service effects, and last the batch's node counters (its steps' and the
// coupons it issued) in one statement.
import { pgArray, type SecretBox, type Sql } from '@afterglow/db';
import { createBlockChecker } from '@afterglow/email';
import type { TransactionSql } from 'postgres';
import type { NodeRegistry } from '@afterglow/node-sdk';
import type { EffectBuffer, EmailQueue } from './effects';
import { writeNodeCounts } from './node-counts';
import { writeOutbox } from './outbox-write';
import { writeWalks } from './walks-write';
import { claimDueRuns } from './claim';
import { createCouponLookup, writeCoupons } from './coupons';
import { writeHoldouts } from './holdout';
import { groupsOf, writeGroups, type GroupRow } from './experiment-groups';
import { writeLoops } from './loops';
import { writeProfiles } from './profile';
import { writeServiceEffects } from './services/queue';
import { createSegmentLoader } from './segment-loader';
import { createSendPolicy } from './send-policy';
import { createStaffLookup } from './staff-alerts';
import type { Logger, PlanLoader, RunRow } from './types';
import { walkRun, type RunUpdate, type StepRow } from './walk';

export interface BatchDeps {
  sql: Sql;
  /** Seals what the batch stores of secrets (services' secret payload fields: webhook headers and signing secrets among them). */
  secrets: SecretBox;
  registry: NodeRegistry;
  loadPlan: PlanLoader;
  /** Without blockReason: each batch checks suppressions through its own transaction. */
  email: Omit<EmailQueue, 'blockReason'>;
  log: Logger;
  /** Base of the links to the app in staff alerts (AFTERGLOW_PUBLIC_URL). */
  publicUrl: () => string;
}

export interface BatchResult {
  runs: number;
  steps: number;
  emails: number;
}

export async function advanceBatch(deps: BatchDeps, now: Date, batchSize: number): Promise<BatchResult> {
  return deps.sql.begin(async (tx) => {
    const runs = await claimDueRuns(tx, now, batchSize);
    if (runs.length === 0) return { runs: 0, steps: 0, emails: 0 };

    const buffer: EffectBuffer = { outbox: [], ledger: [], contents: new Map(), coupons: [], profiles: new Map(), services: new Map(), holdouts: [], loops: new Map() };
    // Every lookup of the batch goes through its transaction: none waits for a pool connection
    // while the batch holds one (the plan and template caches' rare misses excepted).
    const email: EmailQueue = { ...deps.email, blockReason: createBlockChecker(tx) };
    const segments = createSegmentLoader(tx, now, () => writeProfiles(tx, buffer.profiles, now));
    const walkDeps = { registry: deps.registry, secrets: deps.secrets, segments, policy: createSendPolicy(tx, now), email, buffer, coupons: createCouponLookup(tx),
      staff: createStaffLookup(tx, now, deps.publicUrl), now, log: deps.log };
    const groups: GroupRow[] = [];
    const results = await Promise.all(runs.map(async (run) => {
      if (!run.customer) return missingCustomer(run);
      const plan = await deps.loadPlan(run.versionId);
      const result = await walkRun(run, plan, run.customer, walkDeps);
      groups.push(...groupsOf(run, plan, result.steps));
      return result;
    }));
    const updates = results.map((r) => r.update);
    const walks = results.map((r) => r.steps).filter((w) => w.length > 0);
    await writeBack(tx, updates, walks, buffer, deps.email.fromAddress, now);
    const issued = await writeCoupons(tx, buffer.coupons);
    await writeHoldouts(tx, buffer.holdouts);
    await writeGroups(tx, groups, now);
    await writeLoops(tx, buffer.loops);
    await writeProfiles(tx, buffer.profiles, now);
    await writeServiceEffects(tx, buffer.services);
    const steps = walks.flat();
    await writeNodeCounts(tx, steps, issued);
    return { runs: runs.length, steps: steps.length, emails: buffer.outbox.length };
  });
}

function missingCustomer(run: RunRow): { update: RunUpdate; steps: StepRow[] } {
  const error = `Customer ${run.customerId} no longer exists`;
  return {
    update: { id: run.id, status: 'failed', node_id: run.nodeId, due_at: null, wait: null,
      step_count: run.stepCount + 1, exit_reason: null, last_error: error },
    steps: [{ run_id: run.id, step_no: run.stepCount + 1, workspace_id: run.workspaceId, version_id: run.versionId,
      node_id: run.nodeId, outcome: 'error', branch: null, detail: { error } }],
  };
}

async function writeBack(tx: TransactionSql, updates: RunUpdate[], walks: StepRow[][], buffer: EffectBuffer, fromAddress: string, now: Date) {
  // Columns as array literals (pgArray), not one JSON document: Postgres reads them without
  // parsing a document per row.
  const u = <K extends keyof RunUpdate>(key: K) => pgArray(updates.map((r) => r[key]) as never);
  await tx`
    update journey_runs r set status = v.status, node_id = v.node_id, due_at = v.due_at, wait = v.wait,
      step_count = v.step_count, exit_reason = v.exit_reason, last_error = v.last_error, updated_at = ${now}
    from unnest(${u('id')}::uuid[], ${u('status')}::text[], ${u('node_id')}::text[], ${u('due_at')}::timestamptz[],
      ${pgArray(updates.map((r) => (r.wait ? JSON.stringify(r.wait) : null)))}::jsonb[], ${u('step_count')}::int[],
      ${u('exit_reason')}::text[], ${u('last_error')}::text[])
      as v(id, status, node_id, due_at, wait, step_count, exit_reason, last_error)
    where r.id = v.id`;
  await writeWalks(tx, walks, now);
  await writeOutbox(tx, buffer, fromAddress, now);
  if (buffer.ledger.length) {
    await tx`
      insert into loyalty_ledger (workspace_id, customer_id, points, reason, effect_key, run_id, node_id, created_at)
      select * from jsonb_to_recordset(${tx.json(buffer.ledger as never)}) as v(workspace_id text,
        customer_id text, points int, reason text, effect_key text, run_id uuid, node_id text, created_at timestamptz)
      on conflict (workspace_id, effect_key) where effect_key is not null do nothing`;
  }
}
