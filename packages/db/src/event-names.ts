// The received-events summary (event_names) the event picker reads. Ingestion folds each
// request's new track events into it with one upsert, whatever the batch size: names sorted,
// so requests side by side take rows in one order and never deadlock. Every request sends
// "Order Completed", so each name is spread over EVENT_NAME_SHARDS rows and a request writes
// the shard of its clock's millisecond: requests side by side rarely wait on one row until the
// other commits. Reading it costs a few hundred rows, where counting names in `events` would
// scan the workspace's whole history.
import type { Queryable } from './client';
import type { EventPropertySummary } from './schema/ingest';

/** A name stops learning new property keys at this many (a client sending ids as keys cannot grow it). */
export const MAX_EVENT_PROPERTY_KEYS = 50;
/** Rows per name: readers add them up. */
export const EVENT_NAME_SHARDS = 8;
const MAX_SAMPLE = 80;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export interface SummarizedEvent { name: string; properties: Record<string, unknown>; timestamp: string | Date }

interface NameRow {
  name: string; count: number; first_seen_at: string; last_seen_at: string;
  properties: Record<string, EventPropertySummary>;
}

/** The type the picker shows for a value, or null for null/undefined (no type to learn). */
export function propertyType(value: unknown): EventPropertySummary['type'] | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return DATE_LIKE.test(value) ? 'date' : 'string';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'object') return typeof value;
  return null;
}

/**
 * Samples record no customer: erasing one clears every sample of the workspace
 * (privacy/customer-data.ts). Even meanwhile, a text holding an address (an email, a note
 * quoting one) is never kept as a sample.
 */
const personal = (text: string) => text.includes('@');

function summaryOf(value: unknown): EventPropertySummary | null {
  const type = propertyType(value);
  if (type === null) return null;
  if (typeof value === 'string') return personal(value) ? { type } : { type, sample: value.slice(0, MAX_SAMPLE) };
  if (typeof value === 'number' || typeof value === 'boolean') return { type, sample: value };
  return { type };
}

/** Keys and one level inside plain objects (shipping.country), as conditions address them. */
function learn(into: Record<string, EventPropertySummary>, properties: Record<string, unknown>): void {
  const add = (key: string, value: unknown) => {
    if (!(key in into) && Object.keys(into).length >= MAX_EVENT_PROPERTY_KEYS) return;
    const summary = summaryOf(value);
    if (summary) into[key] = summary;
  };
  for (const [key, value] of Object.entries(properties)) {
    add(key, value);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value)) add(`${key}.${inner}`, v);
    }
  }
}

const iso = (t: string | Date) => (t instanceof Date ? t : new Date(t)).toISOString();

/** One row per name: counts, first and last time, the keys seen (later events' samples win). */
export function summarizeEvents(events: readonly SummarizedEvent[]): NameRow[] {
  const byName = new Map<string, NameRow>();
  for (const e of events) {
    const at = iso(e.timestamp);
    let row = byName.get(e.name);
    if (!row) byName.set(e.name, row = { name: e.name, count: 0, first_seen_at: at, last_seen_at: at, properties: {} });
    row.count++;
    if (at < row.first_seen_at) row.first_seen_at = at;
    if (at > row.last_seen_at) row.last_seen_at = at;
    learn(row.properties, e.properties);
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Folds new track events into the workspace's summary: one statement, into the shard of `now`
 * (the request's clock). A shard at the key limit still refreshes the samples of the keys it
 * has, but learns no new ones.
 */
export async function recordEventNames(
  tx: Queryable, workspaceId: string, events: readonly SummarizedEvent[], now: Date,
): Promise<void> {
  const rows = summarizeEvents(events);
  if (rows.length === 0) return;
  const shard = now.getTime() % EVENT_NAME_SHARDS;
  await tx`
    insert into event_names as n (workspace_id, name, shard, count, first_seen_at, last_seen_at, properties)
    select ${workspaceId}, x.name, ${shard}, x.count, x.first_seen_at, x.last_seen_at, x.properties
    from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as x(
      name text, count bigint, first_seen_at timestamptz, last_seen_at timestamptz, properties jsonb)
    order by x.name
    on conflict (workspace_id, name, shard) do update set
      count = n.count + excluded.count,
      first_seen_at = least(n.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(n.last_seen_at, excluded.last_seen_at),
      properties = n.properties || (
        select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(excluded.properties) e
        where n.properties ? e.key or (select count(*) from jsonb_object_keys(n.properties)) < ${MAX_EVENT_PROPERTY_KEYS})`;
}

/**
 * The summary of a workspace rebuilt from its stored events, for data written without
 * ingestion (the demo seed): counts and times from every track event, keys and samples from
 * the latest 1,000. The migration that created the table filled it the same way.
 */
export async function rebuildEventNames(tx: Queryable, workspaceId: string): Promise<void> {
  await tx`delete from event_names where workspace_id = ${workspaceId}`;
  await tx`
    insert into event_names (workspace_id, name, shard, count, first_seen_at, last_seen_at, properties)
    select workspace_id, name, 0, count(*), min(timestamp), max(timestamp), '{}'::jsonb
    from events where workspace_id = ${workspaceId} and type = 'track' and name is not null
    group by workspace_id, name`;
  await tx`
    update event_names n set properties = p.properties
    from (
      select name, jsonb_object_agg(key, summary) as properties from (
        select distinct on (e.name, kv.key) e.name, kv.key, jsonb_strip_nulls(jsonb_build_object(
          'type', case jsonb_typeof(kv.value) when 'string' then
            case when kv.value #>> '{}' ~ ${DATE_LIKE.source} then 'date' else 'string' end else jsonb_typeof(kv.value) end,
          'sample', case jsonb_typeof(kv.value) when 'string' then
            case when strpos(kv.value #>> '{}', '@') = 0 then to_jsonb(left(kv.value #>> '{}', ${MAX_SAMPLE})) end
            when 'number' then kv.value when 'boolean' then kv.value end)) as summary
        from (select name, properties, id from events where workspace_id = ${workspaceId} and type = 'track' and name is not null
                and jsonb_typeof(properties) = 'object' order by id desc limit 1000) e
        cross join lateral jsonb_each(e.properties) kv
        where jsonb_typeof(kv.value) <> 'null'
        order by e.name, kv.key, e.id desc) latest
      group by name) p
    where n.workspace_id = ${workspaceId} and n.name = p.name`;
}
