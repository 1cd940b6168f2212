// Customer profiles from identify traits and shop webhooks, last-writer-wins by source
// timestamp: a newer update overwrites the fields it carries, an older one only fills
// fields still empty, so duplicates and out-of-order deliveries end in the same profile.
import type postgres from 'postgres';
import { customPlanned } from './custom-plan';

export interface ProfileUpdate {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  birthday: string | null;
  timezone: string | null;
  /** A canonical language tag the shop sent as a trait: newer ones replace older ones. */
  locale: string | null;
  /** The device's language (Segment's context.locale): only fills a locale still unknown. */
  device_locale: string | null;
  marketing_consent: boolean | null;
  attributes: Record<string, unknown>;
  /**
   * Tags the source gives the customer: added to theirs, never removing one, whatever the
   * order (journeys tag customers too, and a shop's payload knows nothing of those tags).
   */
  tags: string[] | null;
  /** ISO source timestamp */
  at: string;
}

/** One row per customer, folded in source-time order with the same rule the SQL applies. */
function fold(updates: ProfileUpdate[]): ProfileUpdate[] {
  const byId = new Map<string, ProfileUpdate>();
  const sorted = [...updates].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  for (const u of sorted) {
    const prev = byId.get(u.id);
    if (!prev) { byId.set(u.id, u); continue; }
    byId.set(u.id, {
      id: u.id, at: u.at,
      email: u.email ?? prev.email,
      first_name: u.first_name ?? prev.first_name,
      last_name: u.last_name ?? prev.last_name,
      birthday: u.birthday ?? prev.birthday,
      timezone: u.timezone ?? prev.timezone,
      locale: u.locale ?? prev.locale,
      device_locale: u.device_locale ?? prev.device_locale,
      marketing_consent: u.marketing_consent === false || prev.marketing_consent === false ? false : u.marketing_consent ?? prev.marketing_consent,
      attributes: { ...prev.attributes, ...u.attributes },
      tags: prev.tags && u.tags ? [...new Set([...prev.tags, ...u.tags])] : u.tags ?? prev.tags,
    });
  }
  return [...byId.values()];
}

/**
 * Applies profile updates to customers that exist (create them first with ensureCustomers).
 * Customers whose profile would not change are not touched: an identify repeated on every
 * page load must not take a row lock (concurrent requests would queue behind it). The
 * price: a repeat does not advance source_updated_at, so an older, different value
 * arriving after it still wins over the repeated one.
 */
export function applyProfiles(tx: postgres.TransactionSql, workspaceId: string, updates: ProfileUpdate[], now: Date): Promise<unknown> {
  if (updates.length === 0) return Promise.resolve();
  const rows = fold(updates).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Planned with this request's values (customPlanned): a plan cached while the table was
  // small reads every customer of the workspace for each row once it has grown.
  return customPlanned(tx, tx`
    update customers c set
      email = n.email, first_name = n.first_name, last_name = n.last_name, birthday = n.birthday, timezone = n.timezone,
      locale = n.locale, marketing_consent = n.marketing_consent, attributes = n.attributes, tags = n.tags,
      source_updated_at = n.source_updated_at, updated_at = ${now.toISOString()}::timestamptz
    from (
      select c0.id,
        case when c0.newer then coalesce(p.email, c0.email) else coalesce(c0.email, p.email) end as email,
        case when c0.newer then coalesce(p.first_name, c0.first_name) else coalesce(c0.first_name, p.first_name) end as first_name,
        case when c0.newer then coalesce(p.last_name, c0.last_name) else coalesce(c0.last_name, p.last_name) end as last_name,
        case when c0.newer then coalesce(p.birthday, c0.birthday) else coalesce(c0.birthday, p.birthday) end as birthday,
        case when c0.newer then coalesce(p.timezone, c0.timezone) else c0.timezone end as timezone,
        -- A trait is the shop's word on the language; a device's language only fills a gap.
        case when c0.newer then coalesce(p.locale, c0.locale, p.device_locale)
          else coalesce(c0.locale, p.locale, p.device_locale) end as locale,
        -- Ingestion can withdraw consent but never grant it back: an unsubscribe made in
        -- Afterglow must not be undone by a shop system's stale "accepts marketing" flag.
        c0.marketing_consent and coalesce(p.marketing_consent, true) as marketing_consent,
        case when c0.newer then c0.attributes || p.attributes else p.attributes || c0.attributes end as attributes,
        c0.tags || array(select t from unnest(p.tags) t where t <> all(c0.tags)) as tags,
        greatest(c0.source_updated_at, p.at) as source_updated_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as p(
          id text, email text, first_name text, last_name text, birthday date, timezone text, locale text, device_locale text,
          marketing_consent boolean,
          attributes jsonb, tags text[], at timestamptz)
      -- By key, one probe per row (limit 1): never a scan of the workspace's customers.
      cross join lateral (select c0.*, p.at >= coalesce(c0.source_updated_at, '-infinity') as newer
        from customers c0 where c0.workspace_id = ${workspaceId} and c0.id = p.id limit 1) c0
    ) n
    where c.workspace_id = ${workspaceId} and c.id = any(${tx.array(rows.map((r) => r.id))}::text[]) and c.id = n.id
      and (n.email, n.first_name, n.last_name, n.birthday, n.timezone, n.locale, n.marketing_consent, n.attributes, n.tags)
        is distinct from (c.email, c.first_name, c.last_name, c.birthday, c.timezone, c.locale, c.marketing_consent, c.attributes, c.tags)`);
}
