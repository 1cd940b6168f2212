// What a plugin route may do to a workspace's customers: find them by an attribute (a phone
// number from an inbound SMS), merge attributes as an identify call does, and record an event as
// a track call does. Both writes are Segment messages stored by ingestion's own store: the same
// merge of traits (last writer wins by time), the same mark for the segment membership check,
// the same journey enrolment in the transaction and wake-up after it.
import type { RouteContext } from '@afterglow/node-sdk';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { IngestDeps } from '../ingest/handler';
import { HttpError } from '../ingest/http-io';
import { retryTransaction } from '../ingest/retry';
import { identifySchema, trackSchema, type ParsedMessage } from '../ingest/schema';
import { storeMessages } from '../ingest/store';
import { inputIssues } from '../input-policy/index';

/** findByAttribute returns at most this many ids (an attribute meant to find one customer may be shared by a few). */
export const MAX_FOUND_CUSTOMERS = 1000;

/** The message as ingestion would accept it; a refused one is a 400 naming its fields, unless the route catches it. */
function checked(kind: 'identify' | 'track', schema: z.ZodType, raw: Record<string, unknown>): ParsedMessage {
  const refused = inputIssues(raw);
  if (refused.length > 0) throw new HttpError(400, `The ${kind} message was refused: nothing was stored`, refused);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new HttpError(400, `The ${kind} message is invalid: nothing was stored`,
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(message)', message: i.message })));
  }
  return { kind, msg: parsed.data } as ParsedMessage;
}

async function store(deps: IngestDeps, workspaceId: string, message: ParsedMessage): Promise<void> {
  const stored = await retryTransaction(() => deps.database.sql.begin(async (tx) => {
    const events = await storeMessages(tx, workspaceId, [message], deps.clock.now());
    if (events.length > 0) await deps.onEventsStored(tx, events);
    return events.length;
  }));
  if (stored === 0) return;
  try {
    await deps.afterCommit();
  } catch (err) {
    // The event is stored: a missed wake-up only delays it until the workers' next tick.
    deps.log?.warn('wake-up after a plugin route failed', { error: String(err) });
  }
}

export function routeCustomers(deps: IngestDeps, workspaceId: string): Pick<RouteContext, 'customers' | 'track'> {
  const message = () => ({ messageId: `plugin:${randomUUID()}`, timestamp: deps.clock.now().toISOString() });
  return {
    customers: {
      async findByAttribute(name, value) {
        // Text Postgres cannot hold (a NUL) is in no stored attribute.
        if (inputIssues([name, value]).length > 0) return [];
        const rows = await deps.database.sql<{ id: string }[]>`
          select id from customers where workspace_id = ${workspaceId} and attributes ->> ${name} = ${value}
          order by id limit ${MAX_FOUND_CUSTOMERS}`;
        return rows.map((r) => r.id);
      },
      setAttributes: (customerId, attributes) =>
        store(deps, workspaceId, checked('identify', identifySchema, { ...message(), userId: customerId, traits: attributes })),
    },
    track: (customerId, event, properties = {}) =>
      store(deps, workspaceId, checked('track', trackSchema, { ...message(), userId: customerId, event, properties })),
  };
}
