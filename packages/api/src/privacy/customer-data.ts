// Every table that holds something about a customer, in one list: which rows are theirs, what
// the export leaves out, and what erasure does with them. The export and the erasure both walk
// this list (erasure in its order), and tests/privacy-coverage.test.ts fails for a table with a
// customer_id column that is not on it. Rows that feed a journey's counts or the shop's revenue
// (runs, sent emails, coupons, orders) are kept without anything personal and moved to the
// erased customer (the id '', see @afterglow/db ERASED_CUSTOMER_ID); the rest is deleted.
import { ERASED_CUSTOMER_ID, type Queryable } from '@afterglow/db';
import { inflateHtml } from '@afterglow/email';
import type postgres from 'postgres';
import type { FoundCustomer } from './find';

type Fragment = postgres.Fragment;

export type Erasure =
  | { delete: true }
  /** The rows stay with these columns replaced (a SET list; the table is named `t`). */
  | { set: (sql: Queryable, now: Date) => Fragment }
  /** A statement of its own (what erasure leaves behind). */
  | { write: (sql: Queryable, found: FoundCustomer, now: Date) => Fragment };

export interface CustomerTable {
  table: string;
  /** The customer's rows, naming the table `t`. */
  rows: (sql: Queryable, found: FoundCustomer) => Fragment;
  /** Columns left out of the export (secrets, duplicates); null: not exported (bookkeeping, the team's own records). */
  exportOmits: string[] | null;
  /** Exported from this view instead of the table (the steps of run_walks, one per row). */
  exportFrom?: string;
  /** Each exported row as the customer reads it (a column stored in a form only Afterglow reads). */
  exportRow?: (row: Record<string, unknown>) => Record<string, unknown>;
  erasure: Erasure;
}

const byCustomer = (sql: Queryable, f: FoundCustomer) => sql`t.workspace_id = ${f.workspaceId} and t.customer_id = ${f.customerId}`;
const ofRuns = (sql: Queryable, f: FoundCustomer) => sql`t.run_id = any(${f.runIds}::uuid[])`;
const ofEmails = (sql: Queryable, f: FoundCustomer) => sql`t.workspace_id = ${f.workspaceId} and t.outbox_id = any(${f.outboxIds}::uuid[])`;
const ofAddresses = (sql: Queryable, f: FoundCustomer) => sql`t.workspace_id = ${f.workspaceId} and t.address = any(${f.addresses}::text[])`;
const deleted: Erasure = { delete: true };

/** The HTML the dispatcher stored deflated (jsonb spells bytea as `\x` and hex), exported as the HTML it was. */
function readableHtml({ html_deflated: stored, ...row }: Record<string, unknown>): Record<string, unknown> {
  return typeof stored === 'string' ? { ...row, html: inflateHtml(Buffer.from(stored.slice(2), 'hex')) } : row;
}
const toErased = (sql: Queryable) => sql`customer_id = ${ERASED_CUSTOMER_ID}`;

export const customerTables: CustomerTable[] = [
  {
    // Deleted first: an ingestion request naming them after that waits for the erasure, then starts a new customer.
    table: 'customers', rows: (sql, f) => sql`t.workspace_id = ${f.workspaceId} and t.id = ${f.customerId}`,
    exportOmits: ['workspace_id'], erasure: deleted,
  },
  {
    // Ended where they are (the canvas's counts follow, by the runs' triggers), with nothing of
    // the trigger event or the data gathered on the way; a key of their own keeps them unique.
    table: 'journey_runs', rows: byCustomer, exportOmits: ['workspace_id'],
    erasure: {
      set: (sql, now) => sql`${toErased(sql)}, entry_key = t.id::text,
        status = case when t.status in ('active', 'waiting', 'failed') then 'exited' else t.status end,
        exit_reason = case when t.status in ('active', 'waiting', 'failed') then 'customer erased' else t.exit_reason end,
        due_at = null, wait = null, context = '{}'::jsonb, last_error = null, updated_at = ${now}`,
    },
  },
  {
    // Counted on the canvas (sent, opened): the row stays, what was sent and to whom goes; an
    // email not sent yet never will be. Before the links, opens and mailbox copies below: an
    // email being delivered right now is waited for, and what its delivery wrote is found.
    table: 'email_outbox', rows: (sql, f) => sql`t.workspace_id = ${f.workspaceId} and t.id = any(${f.outboxIds}::uuid[])`,
    exportOmits: ['workspace_id'],
    exportRow: readableHtml,
    erasure: {
      set: (sql) => sql`${toErased(sql)}, to_address = '', subject = null, html = null, html_deflated = null, text = null,
        headers = '{}'::jsonb,
        last_error = case when t.status in ('pending', 'sending') then 'customer erased' end,
        status = case when t.status in ('pending', 'sending') then 'suppressed' else t.status end`,
    },
  },
  {
    // Effects queued with services (an SMS, a Call webhook step's call): the payload (their
    // data) goes; one not delivered yet never will be. Delivered, failed and accepted ones stay
    // for the canvas and the provider's callback, which finds them by the provider's id. A
    // delivery under way is waited for.
    table: 'service_effects', rows: byCustomer, exportOmits: ['workspace_id'],
    erasure: {
      set: (sql) => sql`${toErased(sql)}, payload = '{}'::jsonb,
        last_error = case when t.status = 'pending' then 'customer erased' else t.last_error end,
        status = case when t.status = 'pending' then 'cancelled' else t.status end`,
    },
  },
  { table: 'run_walks', rows: ofRuns, exportOmits: ['workspace_id'], exportFrom: 'run_steps', erasure: deleted },
  { table: 'conversions', rows: ofRuns, exportOmits: ['workspace_id'], erasure: { set: toErased } },
  // Attributed revenue and the experiments' counts stay (moved to the erased customer); lift_orders holds no customer.
  { table: 'order_attributions', rows: byCustomer, exportOmits: ['workspace_id'], erasure: { set: toErased } },
  { table: 'run_groups', rows: byCustomer, exportOmits: ['workspace_id'], erasure: { set: toErased } },
  { table: 'email_links', rows: ofEmails, exportOmits: ['workspace_id'], erasure: deleted },
  {
    table: 'email_events', rows: ofEmails, exportOmits: ['workspace_id'],
    erasure: { set: (sql) => sql`${toErased(sql)}, user_agent = null` },
  },
  // The development SMTP sink's copies of their emails (no workspace column: found by Message-ID).
  { table: 'dev_mailbox', rows: (sql, f) => sql`t.message_id = any(${f.messageIds}::text[])`, exportOmits: ['raw'], erasure: deleted },
  {
    // What remains of them: every address they had, hashed, never sent marketing again (nor any
    // email, if it had bounced). Before their plain suppressions go, whose reasons it reads.
    table: 'hashed_suppressions',
    rows: (sql, f) => sql`t.workspace_id = ${f.workspaceId}
      and t.address_hash in (select afterglow_address_hash(a) from unnest(${f.addresses}::text[]) as a)`,
    exportOmits: ['workspace_id'],
    erasure: {
      write: (sql, f, now) => sql`
        insert into hashed_suppressions (workspace_id, address_hash, reason, created_at)
        select ${f.workspaceId}, afterglow_address_hash(a), case when s.reason = 'hard_bounce' then 'hard_bounce' else 'erased' end,
          ${now}::timestamptz
        from unnest(${f.addresses}::text[]) as a
        left join email_suppressions s on s.workspace_id = ${f.workspaceId} and s.address = a
        on conflict (workspace_id, address_hash) do update set reason = excluded.reason where excluded.reason = 'hard_bounce'`,
    },
  },
  { table: 'email_suppressions', rows: ofAddresses, exportOmits: ['workspace_id'], erasure: deleted },
  {
    // Their events, and the anonymous ones of the ids they were known by that no identify claimed.
    table: 'events',
    rows: (sql, f) => sql`t.workspace_id = ${f.workspaceId} and (t.customer_id = ${f.customerId}
      or (t.customer_id is null and t.anonymous_id = any(${f.aliasIds}::text[])))`,
    exportOmits: ['workspace_id'], erasure: deleted,
  },
  { table: 'customer_aliases', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  // Their carts and recovery links; an abandoned one's event went with their events.
  { table: 'checkouts', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  {
    // The photos of their reviews (exported as base64, see migration 0045), before the reviews that name them.
    table: 'review_photos', exportFrom: 'review_photo_files', exportOmits: ['workspace_id'], erasure: deleted,
    rows: (sql, f) => sql`t.workspace_id = ${f.workspaceId}
      and t.review_id in (select r.id from reviews r where r.workspace_id = ${f.workspaceId} and r.customer_id = ${f.customerId})`,
  },
  // Their reviews: their own words (and photo reference); the shop's reply to them goes too. With
  // them, those imported from another app under one of their addresses but no customer then.
  {
    table: 'reviews', exportOmits: ['workspace_id'], erasure: deleted,
    rows: (sql, f) => sql`t.workspace_id = ${f.workspaceId} and (t.customer_id = ${f.customerId}
      or (t.customer_id is null and lower(btrim(t.author_email)) = any(${f.addresses}::text[])))`,
  },
  {
    // The event picker's property samples (event_names) record no customer, and one may be a value
    // of theirs (a phone, a name in a note): every sample of the workspace goes. Keys, types and
    // counts stay; later events bring new samples. Not exported: it is the shop's, not theirs.
    table: 'event_names',
    rows: (sql, f) => sql`t.workspace_id = ${f.workspaceId} and jsonb_path_exists(t.properties, '$.*.sample')`,
    exportOmits: null,
    erasure: { set: (sql) => sql`properties = (select coalesce(jsonb_object_agg(e.key, e.value - 'sample'), '{}'::jsonb)
      from jsonb_each(t.properties) e)` },
  },
  { table: 'customer_preferences', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  { table: 'consent_ledger', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  { table: 'loyalty_ledger', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  { table: 'loyalty_members', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  // Their referral code, the referrals they made or came by (either side), the addresses their
  // orders named (kept for the self-referral guard): all theirs, all go.
  { table: 'referral_codes', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  {
    table: 'referrals', rows: (sql, f) => sql`t.workspace_id = ${f.workspaceId} and (t.customer_id = ${f.customerId} or t.referrer_id = ${f.customerId})`,
    exportOmits: ['workspace_id'], erasure: deleted,
  },
  { table: 'customer_addresses', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  { table: 'coupons', rows: byCustomer, exportOmits: ['workspace_id'], erasure: { set: toErased } },
  { table: 'segment_memberships', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  // Kept for revenue: amount, currency, status and time, of no one. A line keeps its product and
  // price; its own name (which may carry a personalisation) becomes the product id.
  { table: 'orders', rows: byCustomer, exportOmits: ['workspace_id'], erasure: { set: toErased } },
  {
    table: 'order_items', rows: byCustomer, exportOmits: ['workspace_id'],
    erasure: { set: (sql) => sql`${toErased(sql)}, name = t.product_id, image_url = null, product_url = null` },
  },
  // Their aggregates go now, and so does the note the order updates above made for their
  // rebuild at commit (it lives only inside this transaction): nothing is rebuilt for them and
  // nothing queues them for the segment check. The erased customer is in no aggregate (0025).
  { table: 'customer_order_stats', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  { table: 'customer_purchases', rows: byCustomer, exportOmits: ['workspace_id'], erasure: deleted },
  { table: 'order_aggregates_pending', rows: byCustomer, exportOmits: null, erasure: deleted },
  { table: 'segment_dirty_customers', rows: byCustomer, exportOmits: null, erasure: deleted },
  // Likewise the loyalty:status mark the order updates above made: no tier is computed for them.
  { table: 'loyalty_dirty_customers', rows: byCustomer, exportOmits: null, erasure: deleted },
  {
    // The team's record of lifting a suppression names the address (as typed): it keeps the action, not the address.
    table: 'audit_log',
    rows: (sql, f) => sql`t.workspace_id = ${f.workspaceId} and lower(btrim(t.target_id)) = any(${f.addresses}::text[])`,
    exportOmits: null, erasure: { set: (sql) => sql`target_id = null, detail = t.detail - 'address' - 'email'` },
  },
];
