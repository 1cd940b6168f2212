// Writes one request's messages with a fixed number of set-based statements, whatever
// the batch size: one INSERT of events, one of new customers, one UPDATE of identified
// profiles. Only messages stored for the first time (new messageId) have effects, so a
// client retrying a request changes nothing.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { IdentifyMessage, TrackMessage } from './schema';

export type ParsedMessage = { kind: 'track'; msg: TrackMessage } | { kind: 'identify'; msg: IdentifyMessage };

/** A newly stored track event, as handed to the engine for enrolment. */
export interface IngestedEvent {
  workspaceId: string;
  messageId: string;
  name: string;
  customerId: string;
  properties: Record<string, unknown>;
  timestamp: Date;
}

interface EventRow {
  message_id: string;
  type: 'track' | 'identify';
  customer_id: string;
  anonymous_id: string | null;
  name: string | null;
  properties: Record<string, unknown>;
  timestamp: string;
}

interface ProfileRow {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  birthday: string | null;
  timezone: string | null;
  attributes: Record<string, unknown>;
}

const KNOWN_TRAITS = new Set(['email', 'firstName', 'first_name', 'lastName', 'last_name', 'birthday', 'timezone']);

function toEventRow(m: ParsedMessage, now: Date): EventRow {
  const base = {
    // Segment clients always send a messageId; without one the message cannot be deduplicated.
    message_id: m.msg.messageId ?? randomUUID(),
    customer_id: m.msg.userId,
    anonymous_id: m.msg.anonymousId ?? null,
    timestamp: m.msg.timestamp ?? now.toISOString(),
  };
  return m.kind === 'track'
    ? { ...base, type: 'track', name: m.msg.event, properties: m.msg.properties }
    : { ...base, type: 'identify', name: null, properties: m.msg.traits };
}

function profileOf(msg: IdentifyMessage): ProfileRow {
  const t = msg.traits;
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) if (!KNOWN_TRAITS.has(k)) attributes[k] = v;
  return {
    id: msg.userId,
    email: t.email ?? null,
    first_name: t.firstName ?? t.first_name ?? null,
    last_name: t.lastName ?? t.last_name ?? null,
    birthday: t.birthday ? t.birthday.slice(0, 10) : null,
    timezone: t.timezone ?? msg.context?.timezone ?? null,
    attributes,
  };
}

/** Later identifies of the same customer win field by field (one upsert row per customer). */
function mergeProfiles(profiles: ProfileRow[]): ProfileRow[] {
  const byId = new Map<string, ProfileRow>();
  for (const p of profiles) {
    const prev = byId.get(p.id);
    if (!prev) { byId.set(p.id, p); continue; }
    byId.set(p.id, {
      id: p.id,
      email: p.email ?? prev.email,
      first_name: p.first_name ?? prev.first_name,
      last_name: p.last_name ?? prev.last_name,
      birthday: p.birthday ?? prev.birthday,
      timezone: p.timezone ?? prev.timezone,
      attributes: { ...prev.attributes, ...p.attributes },
    });
  }
  return [...byId.values()];
}

/** Stores the messages; returns the track events stored for the first time. */
// Values go to Postgres as text (JSON, ISO timestamps): the shared pool is wrapped by
// drizzle, which turns off postgres.js's own json and timestamp serializers.
export async function storeMessages(
  tx: postgres.TransactionSql,
  workspaceId: string,
  messages: ParsedMessage[],
  now: Date,
): Promise<IngestedEvent[]> {
  const rows = messages.map((m) => toEventRow(m, now));
  const at = now.toISOString();
  // ON CONFLICT DO NOTHING also drops a messageId repeated inside this very request.
  const inserted = await tx<{ messageId: string }[]>`
    insert into events (workspace_id, message_id, type, customer_id, anonymous_id, name, properties, timestamp, received_at)
    select ${workspaceId}, x.message_id, x.type, x.customer_id, x.anonymous_id, x.name, x.properties, x.timestamp, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as x(
      message_id text, type text, customer_id text, anonymous_id text, name text, properties jsonb, timestamp timestamptz)
    on conflict (workspace_id, message_id) do nothing
    returning message_id as "messageId"`;
  if (inserted.length === 0) return [];

  const fresh = new Set(inserted.map((r) => r.messageId));
  const freshRows: EventRow[] = [];
  const freshIdentifies: IdentifyMessage[] = [];
  rows.forEach((row, i) => {
    if (!fresh.delete(row.message_id)) return; // delete: a repeat inside the request counts once
    freshRows.push(row);
    const m = messages[i];
    if (m.kind === 'identify') freshIdentifies.push(m.msg);
  });

  const customerIds = [...new Set(freshRows.map((r) => r.customer_id))];
  await tx`
    insert into customers (workspace_id, id, created_at, updated_at)
    select ${workspaceId}, id, ${at}::timestamptz, ${at}::timestamptz from unnest(${tx.array(customerIds)}::text[]) as id
    on conflict (workspace_id, id) do nothing`;
  const profiles = mergeProfiles(freshIdentifies.map(profileOf));
  if (profiles.length > 0) {
    // Only the traits a message carries change the profile; absent ones keep their value.
    await tx`
      update customers c set
        email = coalesce(p.email, c.email),
        first_name = coalesce(p.first_name, c.first_name),
        last_name = coalesce(p.last_name, c.last_name),
        birthday = coalesce(p.birthday, c.birthday),
        timezone = coalesce(p.timezone, c.timezone),
        attributes = c.attributes || p.attributes,
        updated_at = ${at}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(profiles)}::text::jsonb) as p(
        id text, email text, first_name text, last_name text, birthday date, timezone text, attributes jsonb)
      where c.workspace_id = ${workspaceId} and c.id = p.id`;
  }

  return freshRows
    .filter((r) => r.type === 'track')
    .map((r) => ({
      workspaceId,
      messageId: r.message_id,
      name: r.name as string,
      customerId: r.customer_id,
      properties: r.properties,
      timestamp: new Date(r.timestamp),
    }));
}
