// The period's stored events, in timestamp order, read with a cursor in a READ ONLY transaction
// of its own: a page at a time, so a simulation holds one page of events, never the period.
import type { Sql } from '@afterglow/db';
import type { StoredEvent } from '../types';

const PAGE = 5000;

export interface EventSourceScope {
  workspaceId: string;
  from: Date;
  to: Date;
  /** Only this customer's events (following one customer). */
  customerId?: string;
}

type Row = Omit<StoredEvent, 'workspaceId'>;

/** Calls `consume` with each page in order; resolves when the period is read or `consume` throws. */
export async function readEvents(sql: Sql, scope: EventSourceScope, consume: (page: StoredEvent[]) => Promise<void>): Promise<void> {
  await sql.begin('read only', async (tx) => {
    const only = scope.customerId === undefined ? tx`` : tx`and customer_id = ${scope.customerId}`;
    const cursor = tx<Row[]>`
      select message_id as "messageId", name, customer_id as "customerId", properties, timestamp
      from events
      where workspace_id = ${scope.workspaceId} and timestamp >= ${scope.from} and timestamp < ${scope.to}
        and customer_id is not null and name is not null ${only}
      order by timestamp, id`.cursor(PAGE);
    for await (const rows of cursor) {
      // Each row is completed in place: a page is 5,000 events, not copied.
      const page = rows as unknown as StoredEvent[];
      for (const event of page) event.workspaceId = scope.workspaceId;
      await consume(page);
    }
  });
}
