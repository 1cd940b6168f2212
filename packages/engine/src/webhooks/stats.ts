// Canvas counters of Call webhook steps: calls delivered, and undelivered ones that failed for
// good (refused address, a 4xx, retries exhausted). Pending calls are not counted yet.
import type { Sql } from '@afterglow/db';
import type { JourneyStats } from '@afterglow/journey-core';

export async function withWebhookCounters(sql: Sql, versionId: string, stats: Promise<JourneyStats>): Promise<JourneyStats> {
  const [result, rows] = await Promise.all([stats, sql<{ nodeId: string; status: string; n: number }[]>`
    select node_id as "nodeId", status, count(*)::int as n
    from webhook_outbox where version_id = ${versionId} and status in ('delivered', 'failed') group by 1, 2`]);
  for (const r of rows) {
    const node = (result.nodes[r.nodeId] ??= { entered: 0, waiting: 0, branches: {}, failed: 0, exited: 0, counters: {} });
    node.counters[r.status === 'delivered' ? 'delivered' : 'undelivered'] = r.n;
  }
  return result;
}
