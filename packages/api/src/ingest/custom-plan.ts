// Statements that look rows up by key in tables ingestion itself fills (customers, orders,
// order items) are planned with each request's values. postgres.js prepares every statement,
// and after five runs PostgreSQL keeps one generic plan per connection: made while a fresh
// shop's tables held a few hundred rows, it can pick an index on (workspace_id, …) that is
// not the key, and then reads every customer or order of the workspace for each row once the
// table has grown (the plan is only redone when ANALYZE runs, a minute or more later).
import type postgres from 'postgres';

/** Runs `query` with plan_cache_mode = force_custom_plan, pipelined (no round trip of its own). */
export async function customPlanned<T extends readonly postgres.MaybeRow[]>(tx: postgres.TransactionSql, query: postgres.PendingQuery<T>): Promise<T> {
  const [, result] = await Promise.all([
    tx`set local plan_cache_mode = force_custom_plan`.execute(),
    query.execute(),
    tx`set local plan_cache_mode to default`.execute(),
  ]);
  return result;
}
