// Customers' referral codes, made when first needed, many at once: one insert for all the
// customers that lack one (the migration's referral_code() draws each at random), then one
// select. Two customers drawing the same code is rare (31^8 codes per workspace); the loser of
// such a draw simply draws again on the next round.
import type { Queryable } from './client';

/** The characters a code is made of: no 0/O/1/I/L, which readers confuse. */
export const REFERRAL_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const REFERRAL_CODE_LENGTH = 8;

/** A code as a customer may type it (any case, spaces and dashes around): its stored form, or null when it cannot be one. */
export function normaliseReferralCode(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const code = raw.trim().toUpperCase().replace(/[\s-]/g, '');
  return code.length === REFERRAL_CODE_LENGTH && [...code].every((c) => REFERRAL_CODE_ALPHABET.includes(c)) ? code : null;
}

export interface CodeOwner { workspaceId: string; customerId: string }

const ROUNDS = 5;

/** Each owner's code (created for those without one, stamped `now`, else the database's time), keyed `workspaceId\ncustomerId`. */
export async function ensureReferralCodes(sql: Queryable, owners: CodeOwner[], now: Date | null): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  const unique = [...new Map(owners.map((o) => [`${o.workspaceId}\n${o.customerId}`, o])).values()];
  let missing = unique;
  for (let round = 0; round < ROUNDS && missing.length > 0; round++) {
    const ws = missing.map((o) => o.workspaceId);
    const ids = missing.map((o) => o.customerId);
    // Only customers that exist get a code (an erased one must not come back as a code).
    const inserted = await sql`
      insert into referral_codes (workspace_id, customer_id, code, created_at)
      select x.ws, x.id, referral_code(), coalesce(${now}::timestamptz, now())
      from unnest(${ws}::text[], ${ids}::text[]) as x(ws, id)
      where exists (select 1 from customers c where c.workspace_id = x.ws and c.id = x.id)
      order by x.ws, x.id
      on conflict do nothing`;
    const rows = await sql<{ ws: string; id: string; code: string }[]>`
      select r.workspace_id as ws, r.customer_id as id, r.code from referral_codes r
      join unnest(${ws}::text[], ${ids}::text[]) as x(ws, id) on r.workspace_id = x.ws and r.customer_id = x.id`;
    for (const r of rows) codes.set(`${r.ws}\n${r.id}`, r.code);
    missing = missing.filter((o) => !codes.has(`${o.workspaceId}\n${o.customerId}`));
    // Nothing new: those left have no customer row (a code is never made for nobody).
    if (inserted.count === 0) break;
  }
  return codes;
}
