// Writes one request's messages with a fixed number of set-based statements, whatever
// the batch size: aliases, one INSERT of events, new customers, identified profiles,
// order records. Only messages stored for the first time (new messageId) have effects,
// so a client retrying a request changes nothing.
import { canonicalLanguageTag } from '@afterglow/i18n';
import { randomUUID } from 'node:crypto';
import { loadLoyaltySettings, recordEventNames } from '@afterglow/db';
import type postgres from 'postgres';
import { recordCheckouts, type TrackedEvent } from './checkouts';
import { redeemCoupons, redemptionsOf, type Redemption } from './coupon-redemptions';
import { linkAliases, resolveAliases, type AliasLink } from './identities';
import { addClaims, earnPoints, hasClaims, type LoyaltyClaims } from './loyalty-earning';
import { orderUpdateOf, type OrderUpdate } from './order-schema';
import { withoutPartialRefunds } from './partial-refunds';
import { applyProfiles, type ProfileUpdate } from './profiles';
import { applyOrderUpdates, ensureCustomers } from './records';
import { attributeOrders, placedOrders } from './attribution';
import { recordReferrals, referralSignals } from './referral-claims';
import type { IdentifyMessage, ParsedMessage } from './schema';

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
  type: ParsedMessage['kind'];
  customer_id: string | null;
  anonymous_id: string | null;
  name: string | null;
  properties: Record<string, unknown>;
  timestamp: string;
}

const KNOWN_TRAITS = new Set([
  'email', 'firstName', 'first_name', 'lastName', 'last_name', 'birthday', 'timezone', 'locale', 'language', 'marketing_consent', 'tags',
]);

/** `tags` as a list or comma-separated, each trimmed, once; null when the message has none. */
function traitTags(tags: string | string[] | undefined): string[] | null {
  if (tags === undefined) return null;
  const list = (typeof tags === 'string' ? tags.split(',') : tags).map((t) => t.trim()).filter(Boolean);
  return [...new Set(list)];
}

/**
 * The language a message says the customer speaks: traits `locale`, then `language`, made
 * canonical; a value that is no language tag ('English', 'en_US.UTF-8') is left out, never
 * refused (Segment clients have sent these traits as free text for years; the event keeps it).
 */
function traitLocale(traits: Record<string, unknown>): string | null {
  return canonicalLanguageTag(traits.locale) ?? canonicalLanguageTag(traits.language);
}

/** Segment's context.locale: the device's language, sent by browser and mobile libraries on every call. */
const deviceLocale = (m: ParsedMessage): string | null => canonicalLanguageTag(m.msg.context?.locale);

function nameAndProperties(m: ParsedMessage): Pick<EventRow, 'name' | 'properties'> {
  switch (m.kind) {
    case 'track': return { name: m.msg.event, properties: m.msg.properties };
    case 'identify': return { name: null, properties: m.msg.traits };
    // Page views, groups and aliases are stored (the customer's timeline) but never enrol.
    case 'page': return { name: m.msg.name ?? null, properties: { ...m.msg.properties, ...(m.msg.category ? { category: m.msg.category } : {}) } };
    case 'group': return { name: m.msg.groupId, properties: { groupId: m.msg.groupId, traits: m.msg.traits } };
    case 'alias': return { name: null, properties: { previousId: m.msg.previousId } };
  }
}

function toEventRow(m: ParsedMessage, customerId: string | null, now: Date): EventRow {
  return {
    // Segment clients always send a messageId; without one the message cannot be deduplicated.
    message_id: m.msg.messageId ?? randomUUID(),
    type: m.kind,
    customer_id: customerId,
    anonymous_id: m.msg.anonymousId ?? null,
    timestamp: m.msg.timestamp ?? now.toISOString(),
    ...nameAndProperties(m),
  };
}

/**
 * Segment's reserved trait `name` ("Ana Marija Kovač"): its first word is the first name, the
 * rest the last name, each used only when the message has no first or last name of its own.
 */
function nameParts(name: unknown): { first: string | null; last: string | null } {
  const words = typeof name === 'string' ? name.trim().split(/\s+/).filter(Boolean) : [];
  return { first: words[0]?.slice(0, 200) ?? null, last: words.length > 1 ? words.slice(1).join(' ').slice(0, 200) : null };
}

function profileOf(customerId: string, msg: IdentifyMessage, at: string): ProfileUpdate {
  const t = msg.traits;
  const named = nameParts(t.name);
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) if (!KNOWN_TRAITS.has(k)) attributes[k] = v;
  return {
    id: customerId, at,
    email: t.email ?? null,
    first_name: t.firstName ?? t.first_name ?? named.first,
    last_name: t.lastName ?? t.last_name ?? named.last,
    // A birthday sent as a date-time keeps its calendar date: birthdays are days, not instants.
    birthday: t.birthday ? t.birthday.slice(0, 10) : null,
    timezone: t.timezone ?? msg.context?.timezone ?? null,
    locale: traitLocale(t),
    device_locale: deviceLocale({ kind: 'identify', msg }),
    marketing_consent: t.marketing_consent ?? null,
    attributes,
    tags: traitTags(t.tags),
  };
}

/** What any other call's context says about the device: its time zone and language. */
function deviceOf(customerId: string, m: ParsedMessage, at: string): ProfileUpdate | null {
  const timezone = m.msg.context?.timezone ?? null;
  const locale = deviceLocale(m);
  if (timezone === null && locale === null) return null;
  return {
    id: customerId, at, timezone, device_locale: locale,
    locale: null, email: null, first_name: null, last_name: null, birthday: null, marketing_consent: null, attributes: {}, tags: null,
  };
}

function linksOf(messages: ParsedMessage[]): AliasLink[] {
  const links: AliasLink[] = [];
  for (const m of messages) {
    if (m.kind === 'alias') links.push({ aliasId: m.msg.previousId, customerId: m.msg.userId, kind: 'alias' });
    else if (m.kind === 'identify' && m.msg.userId && m.msg.anonymousId) {
      links.push({ aliasId: m.msg.anonymousId, customerId: m.msg.userId, kind: 'anonymous' });
    }
  }
  return links;
}

/** What stageMessages leaves running: the statements on rows every request shares, sent but not awaited. */
export interface StagedMessages {
  /** The track events stored for the first time that name a customer. */
  events: IngestedEvent[];
  /** Settles when the last statements have run; a failure among them rolls the transaction back at COMMIT. */
  finish: Promise<unknown>;
}

/** Stores the messages; returns the track events stored for the first time that name a customer. */
export async function storeMessages(tx: postgres.TransactionSql, workspaceId: string, messages: ParsedMessage[], now: Date): Promise<IngestedEvent[]> {
  const { events, finish } = await stageMessages(tx, workspaceId, messages, now);
  await finish;
  return events;
}

/**
 * storeMessages for a caller that commits right away: the statements that lock rows every
 * request shares (the points rollup, the event picker's summary) are sent last and not awaited,
 * so COMMIT can follow them in the same round trip and those locks are held the shortest time.
 * `onStored` (enrolment) runs before them. Await `finish` after the commit.
 */
// Values go to Postgres as text (JSON, ISO timestamps): the shared pool is wrapped by
// drizzle, which turns off postgres.js's own json and timestamp serializers.
export async function stageMessages(
  tx: postgres.TransactionSql,
  workspaceId: string,
  messages: ParsedMessage[],
  now: Date,
  onStored?: (events: IngestedEvent[]) => Promise<unknown>,
): Promise<StagedMessages> {
  const at = now.toISOString();
  const links = linksOf(messages);
  await linkAliases(tx, workspaceId, links, at);
  // A message with only an anonymousId belongs to the customer that id was linked to, if any.
  const anonymousOnly = messages.filter((m) => m.msg.userId === undefined).map((m) => m.msg.anonymousId as string);
  const known = await resolveAliases(tx, workspaceId, anonymousOnly);
  const rows = messages.map((m) => toEventRow(m, m.msg.userId ?? known.get(m.msg.anonymousId as string) ?? null, now));

  // ON CONFLICT DO NOTHING also drops a messageId repeated inside this very request. The
  // earning rules go along in the same round trip when a message may earn points.
  const insert = tx<{ messageId: string }[]>`
    insert into events (workspace_id, message_id, type, customer_id, anonymous_id, name, properties, timestamp, received_at)
    select ${workspaceId}, x.message_id, x.type, x.customer_id, x.anonymous_id, x.name, x.properties, x.timestamp, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as x(
      message_id text, type text, customer_id text, anonymous_id text, name text, properties jsonb, timestamp timestamptz)
    on conflict (workspace_id, message_id) do nothing
    returning message_id as "messageId"`.execute();
  const [inserted, settings] = await Promise.all([insert, messages.some((m) => m.kind === 'track') ? loadLoyaltySettings(tx, workspaceId) : null]);
  if (inserted.length === 0) return { events: [], finish: Promise.resolve() };

  const fresh = new Set(inserted.map((r) => r.messageId));
  const freshRows: EventRow[] = [];
  const profiles: ProfileUpdate[] = [];
  const orders: OrderUpdate[] = [];
  const redemptions: Redemption[] = [];
  const tracked: TrackedEvent[] = [];
  const loyalty: LoyaltyClaims = { orderIds: [], refunds: [], events: [] };
  const signals = referralSignals();
  rows.forEach((row, i) => {
    if (!fresh.delete(row.message_id)) return; // delete: a repeat inside the request counts once
    freshRows.push(row);
    const m = messages[i];
    if (!row.customer_id) return;
    if (m.kind === 'identify') profiles.push(profileOf(row.customer_id, m.msg, row.timestamp));
    else {
      // Browser and mobile libraries send the device's time zone and language with every message.
      const device = deviceOf(row.customer_id, m, row.timestamp);
      if (device) profiles.push(device);
    }
    if (m.kind === 'track') {
      const order = orderUpdateOf(row.customer_id, m.msg.event, m.msg.properties, row.timestamp);
      if (order) orders.push(order);
      addClaims(loyalty, { customerId: row.customer_id, event: m.msg.event, properties: m.msg.properties, at: row.timestamp, messageId: row.message_id, order });
      tracked.push({ customerId: row.customer_id, name: m.msg.event, properties: m.msg.properties, at: row.timestamp });
      redemptions.push(...redemptionsOf(m.msg.event, m.msg.properties, row.timestamp));
    }
    signals.add(row.customer_id, m, row.timestamp);
  });

  const orderChanges = await withoutPartialRefunds(tx, workspaceId, orders);
  // Pipelined: created in this order, run in this order on the transaction's connection
  // (profiles need the customers to exist), without a round trip between them; the orders
  // come back as written, for their items, attribution and points.
  const [, , stored] = await Promise.all([
    ensureCustomers(tx, workspaceId, freshRows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])), at),
    applyProfiles(tx, workspaceId, profiles, now),
    applyOrderUpdates(tx, workspaceId, orderChanges, now),
    redeemCoupons(tx, workspaceId, redemptions),
    recordCheckouts(tx, workspaceId, tracked),
    recordReferrals(tx, workspaceId, signals, links, now),
  ]);
  // Once the orders and their coupons are stored: credits each placed order once (attribution.ts).
  await attributeOrders(tx, workspaceId, placedOrders(orders, redemptions), stored);
  const events = freshRows
    .filter((r): r is EventRow & { customer_id: string } => r.type === 'track' && r.customer_id !== null)
    .map((r) => ({
      workspaceId,
      messageId: r.message_id,
      name: r.name as string,
      customerId: r.customer_id,
      properties: r.properties,
      timestamp: new Date(r.timestamp),
    }));
  if (onStored && events.length > 0) await onStored(events);
  // Last, just before the commit: the event picker's summary (one shard per name) and points
  // (the dashboard's daily row of the workspace) lock rows other requests need until then.
  const names = freshRows.flatMap((r) => (r.type === 'track' && r.name ? [{ name: r.name, properties: r.properties, timestamp: r.timestamp }] : []));
  const finish = Promise.all([
    recordEventNames(tx, workspaceId, names, now),
    settings && hasClaims(loyalty) && earnPoints(tx, workspaceId, loyalty, settings, now, stored),
  ]);
  // Handled here too: when the transaction fails before its caller awaits this, the failure is reported there.
  finish.catch(() => {});
  return { events, finish };
}
