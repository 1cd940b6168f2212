// Recognising referred friends as their messages arrive: a code at checkout (Segment `coupon`,
// Shopify `discount_codes`), an identify's `referral_code` trait, a "Referral Link Opened" event
// of theirs, or an identify that ties them to the anonymous visitor who opened the link. The
// first code recognised for a friend makes their referral (pending; refused at once when it is
// their own code); the engine's referrals job decides the rest. Also keeps the shipping addresses
// orders and traits name, normalised, for the self-referral guard. Two set-based statements per
// request, whatever its size.
import { normaliseReferralCode } from '@afterglow/db';
import { REFERRAL_LINK_OPENED } from '@afterglow/journey-core';
import type postgres from 'postgres';
import { redemptionsOf } from './coupon-redemptions';
import type { AliasLink } from './identities';
import { orderStatusOf } from './order-schema';
import type { ParsedMessage } from './schema';

export type ClaimSource = 'link' | 'identify' | 'order';
export interface ReferralClaim { customerId: string; code: string; source: ClaimSource; at: string }
export interface AddressSeen { customerId: string; key: string; at: string }

const isLinkOpened = (event: string) => event.trim().toLowerCase() === REFERRAL_LINK_OPENED.toLowerCase();

/** Collects what a request's messages say about referrals: the codes claimed, the addresses named. */
export function referralSignals() {
  const claims: ReferralClaim[] = [];
  const addresses: AddressSeen[] = [];
  const claim = (customerId: string, raw: unknown, source: ClaimSource, at: string) => {
    const code = normaliseReferralCode(raw);
    if (code) claims.push({ customerId, code, source, at });
  };
  const address = (customerId: string, raw: unknown, at: string) => {
    const key = addressKey(raw);
    if (key) addresses.push({ customerId, key, at });
  };
  return {
    claims, addresses,
    add(customerId: string, m: ParsedMessage, at: string): void {
      if (m.kind === 'identify') {
        claim(customerId, m.msg.traits.referral_code, 'identify', at);
        address(customerId, m.msg.traits.address, at);
      }
      if (m.kind !== 'track') return;
      if (isLinkOpened(m.msg.event)) claim(customerId, m.msg.properties.code, 'link', at);
      if (orderStatusOf(m.msg.event) !== 'placed') return;
      for (const c of redemptionsOf(m.msg.event, m.msg.properties, at)) claim(customerId, c.code, 'order', at);
      address(customerId, m.msg.properties.shipping_address, at);
    },
  };
}
type ReferralSignals = ReturnType<typeof referralSignals>;

const ADDRESS_FIELDS = [
  ['address1', 'street', 'line1'], ['address2', 'line2'], ['zip', 'postal_code', 'postalCode'], ['city'], ['country_code', 'country'],
];

/**
 * An address as a key: its street, second line, postcode, city and country, lower case, only
 * letters and digits ("Knez Mihailova 5, 11000 Beograd" and "knez mihailova 5 11000 beograd"
 * are one). Null without a street, or without a postcode or city: too little to call two the same.
 */
export function addressKey(raw: unknown): string | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const a = raw as Record<string, unknown>;
  const parts = ADDRESS_FIELDS.map((names) => {
    const value = names.map((n) => a[n]).find((v) => typeof v === 'string' && v.trim() !== '');
    return typeof value === 'string' ? value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') : '';
  });
  const [street, , zip, city] = parts;
  if (!street || (!zip && !city)) return null;
  return parts.join('|').slice(0, 500);
}

/**
 * Stores the addresses seen and the referrals the claims make: the earliest claim of a friend
 * whose code belongs to a customer, unless the friend already has a referral. `links` (anonymous
 * visitors identified in this request) bring the link openings stored before they were known.
 */
export function recordReferrals(tx: postgres.TransactionSql, workspaceId: string, { claims, addresses }: ReferralSignals, links: AliasLink[],
  now: Date): Promise<unknown> {
  const statements: Promise<unknown>[] = [];
  if (addresses.length > 0) {
    const sorted = [...addresses].sort((a, b) => (a.customerId + a.key < b.customerId + b.key ? -1 : 1));
    statements.push(tx`
      insert into customer_addresses (workspace_id, customer_id, address_key, seen_at)
      select distinct on (x."customerId", x.key) ${workspaceId}, x."customerId", x.key, x.at
      from jsonb_to_recordset(${JSON.stringify(sorted)}::text::jsonb) as x("customerId" text, key text, at timestamptz)
      order by x."customerId", x.key, x.at desc
      on conflict (workspace_id, customer_id, address_key) do update set seen_at = greatest(customer_addresses.seen_at, excluded.seen_at)`.execute());
  }
  const anonymous = links.filter((l) => l.kind === 'anonymous' && l.aliasId !== l.customerId);
  if (claims.length === 0 && anonymous.length === 0) return Promise.all(statements);
  // Link openings of the visitors identified here: merged into them by linkAliases just before.
  statements.push(tx`
    with claim as (
      select x."customerId" as customer_id, x.code, x.source, x.at
      from jsonb_to_recordset(${JSON.stringify(claims)}::text::jsonb) as x("customerId" text, code text, source text, at timestamptz)
      union all
      select e.customer_id, upper(e.properties->>'code'), 'link', e.timestamp
      from unnest(${anonymous.map((l) => l.aliasId)}::text[], ${anonymous.map((l) => l.customerId)}::text[]) as a(anon, customer_id)
      join events e on e.workspace_id = ${workspaceId} and e.customer_id = a.customer_id and e.anonymous_id = a.anon
        and e.name = ${REFERRAL_LINK_OPENED}
    ), first as (
      select distinct on (c.customer_id) c.customer_id, r.customer_id as referrer_id, r.code, c.source, c.at
      from claim c join referral_codes r on r.workspace_id = ${workspaceId} and r.code = c.code
      order by c.customer_id, c.at, c.source
    )
    insert into referrals (workspace_id, customer_id, referrer_id, code, source, state, reason, recognised_at, decided_at)
    select ${workspaceId}, f.customer_id, f.referrer_id, f.code, f.source,
      case when f.referrer_id = f.customer_id then 'refused' else 'pending' end,
      case when f.referrer_id = f.customer_id then 'self' end, f.at,
      case when f.referrer_id = f.customer_id then ${now}::timestamptz end
    from first f
    order by f.customer_id
    on conflict (workspace_id, customer_id) do nothing`.execute());
  return Promise.all(statements);
}
