// Customer profiles from identify traits and shop webhooks, last-writer-wins by source
// timestamp: a newer update overwrites the fields it carries, an older one only fills
// fields still empty, so duplicates and out-of-order deliveries end in the same profile.
import type postgres from 'postgres';

export interface ProfileUpdate {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  birthday: string | null;
  timezone: string | null;
  marketing_consent: boolean | null;
  attributes: Record<string, unknown>;
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
      marketing_consent: u.marketing_consent === false || prev.marketing_consent === false ? false : u.marketing_consent ?? prev.marketing_consent,
      attributes: { ...prev.attributes, ...u.attributes },
    });
  }
  return [...byId.values()];
}

/** Applies profile updates to customers that exist (create them first with ensureCustomers). */
export async function applyProfiles(tx: postgres.TransactionSql, workspaceId: string, updates: ProfileUpdate[], now: Date): Promise<void> {
  if (updates.length === 0) return;
  await tx`
    update customers c set
      email = case when p.newer then coalesce(p.email, c.email) else coalesce(c.email, p.email) end,
      first_name = case when p.newer then coalesce(p.first_name, c.first_name) else coalesce(c.first_name, p.first_name) end,
      last_name = case when p.newer then coalesce(p.last_name, c.last_name) else coalesce(c.last_name, p.last_name) end,
      birthday = case when p.newer then coalesce(p.birthday, c.birthday) else coalesce(c.birthday, p.birthday) end,
      timezone = case when p.newer then coalesce(p.timezone, c.timezone) else c.timezone end,
      -- Ingestion can withdraw consent but never grant it back: an unsubscribe made in
      -- Afterglow must not be undone by a shop system's stale "accepts marketing" flag.
      marketing_consent = c.marketing_consent and coalesce(p.marketing_consent, true),
      attributes = case when p.newer then c.attributes || p.attributes else p.attributes || c.attributes end,
      source_updated_at = greatest(c.source_updated_at, p.at),
      updated_at = ${now.toISOString()}::timestamptz
    from (
      select x.*, x.at >= coalesce(c0.source_updated_at, '-infinity') as newer
      from jsonb_to_recordset(${JSON.stringify(fold(updates))}::text::jsonb) as x(
        id text, email text, first_name text, last_name text, birthday date, timezone text, marketing_consent boolean,
        attributes jsonb, at timestamptz)
      join customers c0 on c0.workspace_id = ${workspaceId} and c0.id = x.id
    ) p
    where c.workspace_id = ${workspaceId} and c.id = p.id`;
}
