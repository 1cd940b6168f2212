// What the event picker offers: the events the workspace has received (from the event_names
// summary ingestion keeps, never a scan of `events`; its shards of a name added up here),
// merged with the shop events Afterglow knows by name, so "Order paid" is offered before the
// first one arrives.
import { EVENT_NAME_SHARDS, MAX_EVENT_PROPERTY_KEYS, type EventPropertySummary } from '@afterglow/db';
import { KNOWN_EVENTS, knownEvent, type EventPropertyType } from '@afterglow/journey-core';
import { normalizeEventName } from '@afterglow/node-sdk';
import { protectedProcedure, router } from './init';

/** Received names listed at most (most recently seen first); a workspace rarely has 50. */
const MAX_NAMES = 500;

interface SummaryRow { name: string; count: number; lastSeenAt: Date; properties: Record<string, EventPropertySummary> }

export interface EventProperty { key: string; type: EventPropertyType; sample?: string | number | boolean }

export interface CatalogEvent {
  /** The name to store in a journey: as last received, else as the shop will send it. */
  name: string;
  /** Whether Afterglow knows this event (its label and description are in @afterglow/journey-core). */
  known: boolean;
  count: number;
  lastSeenAt: string | null;
  properties: EventProperty[];
}

function merge(into: CatalogEvent, row: SummaryRow): void {
  into.count += row.count;
  const seen = new Map(into.properties.map((p) => [p.key, p]));
  for (const [key, p] of Object.entries(row.properties)) {
    if (!seen.has(key) && seen.size < MAX_EVENT_PROPERTY_KEYS) seen.set(key, { key, ...p } as EventProperty);
  }
  into.properties = [...seen.values()];
}

/** One entry per event (names differing only in case or separators are one event, as triggers match them). */
export function eventCatalog(rows: readonly SummaryRow[]): CatalogEvent[] {
  const byKey = new Map<string, CatalogEvent>();
  for (const row of rows) { // most recently seen first: its spelling, time and samples name the event
    const key = normalizeEventName(row.name);
    let entry = byKey.get(key);
    if (!entry) {
      byKey.set(key, entry = { name: row.name, known: knownEvent(row.name) !== undefined, count: 0, lastSeenAt: row.lastSeenAt.toISOString(), properties: [] });
    }
    merge(entry, row);
  }
  for (const known of KNOWN_EVENTS) {
    const key = normalizeEventName(known.name);
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, entry = { name: known.name, known: true, count: 0, lastSeenAt: null, properties: [] });
    const have = new Set(entry.properties.map((p) => p.key));
    for (const [k, type] of Object.entries(known.properties)) if (!have.has(k)) entry.properties.push({ key: k, type });
  }
  for (const entry of byKey.values()) entry.properties.sort((a, b) => a.key.localeCompare(b.key));
  return [...byKey.values()];
}

export const eventsRouter = router({
  /** Event names seen in the workspace, most recently seen first (segment rules, older clients). */
  names: protectedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.deps.database.sql<{ name: string }[]>`
      select name from event_names where workspace_id = ${ctx.user.workspaceId}
      group by name order by max(last_seen_at) desc, name limit ${MAX_NAMES}`;
    return rows.map((r) => r.name);
  }),

  /**
   * The event picker's list: received events (count, last seen, property keys with type and a
   * sample), most recently seen first, then the known shop events not received yet.
   */
  catalog: protectedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.deps.database.sql<SummaryRow[]>`
      select name, count::float8 as count, last_seen_at as "lastSeenAt", properties from event_names
      where workspace_id = ${ctx.user.workspaceId}
      order by last_seen_at desc, name, shard limit ${MAX_NAMES * EVENT_NAME_SHARDS}`;
    return eventCatalog(rows.map((r) => ({ ...r, lastSeenAt: new Date(r.lastSeenAt) })));
  }),
});
