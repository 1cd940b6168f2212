// Every journey a customer walked, newest entry first, paged by (entered_at, id): read through
// journey_runs' customer-first unique index (one customer's runs, a few dozen at most).
import type { Queryable } from '@afterglow/db';
import { z } from 'zod';
import { iso } from '../trpc/time';
import { cursorSchema, readCursor, writeCursor } from './cursor';

export const customerRunsInput = z.object({
  customerId: z.string().min(1).max(200, 'A customer id is at most 200 characters'),
  cursor: cursorSchema,
  limit: z.number().int().min(1).max(100).default(25),
});

type Ts = Date | string;

export async function customerRuns(sql: Queryable, workspaceId: string, input: z.output<typeof customerRunsInput>) {
  const cursor = readCursor(input.cursor);
  const rows = await sql<{
    runId: string; journeyId: string; journeyName: string | null; version: number | null; status: string; nodeId: string;
    nodeType: string | null; enteredAt: Ts; updatedAt: Ts; dueAt: Ts | null; exitReason: string | null;
  }[]>`
    select r.id as "runId", r.journey_id as "journeyId", j.name as "journeyName", v.version, r.status,
      r.node_id as "nodeId", v.plan -> 'nodes' -> r.node_id ->> 'type' as "nodeType", r.entered_at as "enteredAt",
      r.updated_at as "updatedAt", r.due_at as "dueAt", r.exit_reason as "exitReason"
    from journey_runs r
    left join journeys j on j.id = r.journey_id
    left join journey_versions v on v.id = r.version_id
    where r.workspace_id = ${workspaceId} and r.customer_id = ${input.customerId}
      ${cursor?.at ? sql`and (r.entered_at, r.id) < (${cursor.at}::timestamptz, ${cursor.runId}::uuid)` : sql``}
    order by r.entered_at desc, r.id desc limit ${input.limit + 1}`;
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const ended = (s: string) => s === 'completed' || s === 'exited';
  return {
    // An ended run's last move is when it ended.
    rows: page.map(({ updatedAt, ...r }) => ({
      ...r, enteredAt: iso(r.enteredAt), dueAt: iso(r.dueAt), endedAt: ended(r.status) ? iso(updatedAt) : null,
    })),
    nextCursor: rows.length > input.limit && last ? writeCursor(iso(last.enteredAt), last.runId) : null,
  };
}
