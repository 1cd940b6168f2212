// Who is at a step of a journey now, or who went on from it: the run explorer's lists, paged
// by keyset. "Now" walks journey_runs_place_idx (next due first, then the runs without a due
// time, failed ones); "passed" walks journey_node_passes' key, newest first. A search first
// finds the few customers it names and reads only their runs.
import type { Queryable } from '@afterglow/db';
import { z } from 'zod';
import { iso } from '../trpc/time';
import { cursorSchema, readCursor, writeCursor, type Cursor } from './cursor';
import { matchingCustomers } from './customer-search';

export const stepCustomersInput = z.object({
  journeyId: z.string().min(1).max(100),
  nodeId: z.string().min(1).max(64),
  mode: z.enum(['waiting', 'passed']),
  search: z.string().trim().max(200, 'Search for at most 200 characters').optional(),
  status: z.enum(['active', 'waiting', 'completed', 'exited', 'failed']).optional(),
  cursor: cursorSchema,
  limit: z.number().int().min(1).max(100).default(50),
});
export type StepCustomersInput = z.output<typeof stepCustomersInput>;

type Ts = Date | string;
type Named = Awaited<ReturnType<typeof matchingCustomers>>;
interface Row {
  runId: string; customerId: string; email: string | null; name: string | null; status: string;
  nodeId: string; version: number | null; enteredAt: Ts; updatedAt: Ts; dueAt: Ts | null; passedAt: Ts | null;
  lastError: string | null; exitReason: string | null;
}

export async function stepCustomers(sql: Queryable, workspaceId: string, input: StepCustomersInput) {
  const cursor = readCursor(input.cursor);
  const named = input.search ? await matchingCustomers(sql, workspaceId, input.search) : null;
  const rows = input.mode === 'waiting'
    ? await waiting(sql, workspaceId, input, cursor, named)
    : named ? await passedBySearch(sql, workspaceId, input, cursor, named) : await passed(sql, workspaceId, input, cursor);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const key = (r: Row) => iso(input.mode === 'waiting' ? r.dueAt : r.passedAt);
  return {
    // Since when: at the step since its last move (waiting), or when it went on (passed).
    rows: page.map(({ updatedAt, ...r }) => ({
      ...r, enteredAt: iso(r.enteredAt), since: iso(r.passedAt ?? updatedAt), dueAt: iso(r.dueAt), passedAt: iso(r.passedAt),
    })),
    nextCursor: rows.length > input.limit && last ? writeCursor(key(last), last.runId) : null,
  };
}

/** The columns every list shows: the run, its customer and its version. */
const shown = (sql: Queryable) => sql`
  r.id as "runId", r.customer_id as "customerId", c.email,
  nullif(concat_ws(' ', c.first_name, c.last_name), '') as name, r.status, r.node_id as "nodeId", v.version,
  r.entered_at as "enteredAt", r.updated_at as "updatedAt", r.due_at as "dueAt", r.last_error as "lastError",
  r.exit_reason as "exitReason"`;

const joined = (sql: Queryable) => sql`
  left join customers c on c.workspace_id = r.workspace_id and c.id = r.customer_id
  left join journey_versions v on v.id = r.version_id`;

/** Runs at the step now: those due (by due time), then those with none (failed). */
function waiting(sql: Queryable, workspaceId: string, input: StepCustomersInput, cursor: Cursor | null, named: Named | null) {
  const here = sql`r.workspace_id = ${workspaceId} and r.journey_id = ${input.journeyId} and r.node_id = ${input.nodeId}
    and r.status in ('active', 'waiting', 'failed')
    ${input.status ? sql`and r.status = ${input.status}` : sql``}
    ${named ? sql`and r.customer_id in ${named.subquery}` : sql``}`;
  const take = input.limit + 1;
  // A cursor among the runs without a due time: the due ones are all behind it.
  const due = cursor && !cursor.at ? sql`false` : cursor ? sql`(r.due_at, r.id) > (${cursor.at}::timestamptz, ${cursor.runId}::uuid)` : sql`true`;
  const undue = cursor && !cursor.at ? sql`r.id > ${cursor.runId}::uuid` : sql`true`;
  // Both halves order as journey_runs_place_idx does (due_at is null in the second: ordering by it
  // too keeps the planner on that index rather than the primary key's order).
  return sql<Row[]>`
    with page as (
      (select r.* from journey_runs r where ${here} and r.due_at is not null and ${due} order by r.due_at, r.id limit ${take})
      union all
      (select r.* from journey_runs r where ${here} and r.due_at is null and ${undue} order by r.due_at, r.id limit ${take}))
    select ${shown(sql)}, null::timestamptz as "passedAt"
    from page r ${joined(sql)}
    order by r.due_at nulls last, r.id limit ${take}`;
}

/** Passes of the step, newest first, read from journey_node_passes' key. */
function passed(sql: Queryable, workspaceId: string, input: StepCustomersInput, cursor: Cursor | null) {
  return sql<Row[]>`
    select ${shown(sql)}, p.at as "passedAt"
    from journey_node_passes p
    join journey_runs r on r.id = p.run_id
    ${joined(sql)}
    where p.workspace_id = ${workspaceId} and p.journey_id = ${input.journeyId} and p.node_id = ${input.nodeId}
      ${cursor ? sql`and (p.at, p.run_id) < (${cursor.at}::timestamptz, ${cursor.runId}::uuid)` : sql``}
      ${input.status ? sql`and r.status = ${input.status}` : sql``}
    order by p.at desc, p.run_id desc limit ${input.limit + 1}`;
}

/** Passes of the searched customers' runs, read from their own walks (a few runs, not the step's all). */
function passedBySearch(sql: Queryable, workspaceId: string, input: StepCustomersInput, cursor: Cursor | null, named: Named) {
  return sql<Row[]>`
    select ${shown(sql)}, w.at as "passedAt"
    from journey_runs r
    join run_walks w on w.run_id = r.id
    ${joined(sql)}
    where r.workspace_id = ${workspaceId} and r.journey_id = ${input.journeyId}
      and r.customer_id in ${named.subquery}
      ${input.status ? sql`and r.status = ${input.status}` : sql``}
      and exists (select 1 from jsonb_array_elements(w.steps) s(step) where s.step ->> 'node' = ${input.nodeId}
        and (s.step ->> 'outcome' in ('next', 'exit', 'goal') or (s.step ->> 'outcome' = 'resume' and s.step ? 'branch')))
      ${cursor ? sql`and (w.at, r.id) < (${cursor.at}::timestamptz, ${cursor.runId}::uuid)` : sql``}
    order by w.at desc, r.id desc limit ${input.limit + 1}`;
}
