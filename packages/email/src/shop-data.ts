// Loads the database-backed merge data for many emails at once. Renders of one engine batch
// run concurrently (Promise.all over the claimed runs); every request made in the same tick
// is answered by one points query, one tier query per workspace (a batch has one) and one
// recommendations query, so a batch of 500 emails costs three statements, not a thousand.
// Tiers are the shop's, as of `now` (a rolling window moves with it).
import { customerTiers, ensureReferralCodes, readLoyaltyTiers, type Queryable } from '@afterglow/db';
import { loyaltyStatus } from './loyalty';
import { noLoyalty, type MergeExtras, type MergeRecommendation } from './merge-extras';
import { batchInTick } from './tick-batch';

export interface ExtrasRequest {
  workspaceId: string;
  customerId: string;
  /** Products of the triggering order; empty: the customer's latest order is used instead. */
  productIds: string[];
  /** False when the template never reads `recommendations`: the costliest query is skipped. */
  recommendations?: boolean;
  /** True when the template reads the customer's referral code or link: made for them if they have none. */
  referral?: boolean;
  /** When a code made now is stamped created. */
  now?: Date;
}

type LoadedExtras = Omit<MergeExtras, 'coupon'> & {
  /** The workspace's name: what the shop is called in its emails. */
  shopName: string | null;
  /** The shop's address from the workspace's settings (base of shop and review links). */
  shopUrl: string | null;
  /** The customer's referral code, when asked for (made for them if they had none). */
  referralCode: string | null;
};

export const RECOMMENDATIONS_PER_EMAIL = 3;

/** Loyalty and recommendations for every request, in the order given. */
export async function loadShopExtras(sql: Queryable, requests: ExtrasRequest[], now: Date): Promise<LoadedExtras[]> {
  if (requests.length === 0) return [];
  const index = requests.map((_, i) => i);
  const workspaces = requests.map((r) => r.workspaceId);
  const customers = requests.map((r) => r.customerId);
  const seedIdx: number[] = [];
  const seedProducts: string[] = [];
  requests.forEach((r, i) => r.productIds.forEach((p) => { seedIdx.push(i); seedProducts.push(p); }));
  const wanted = index.filter((i) => requests[i].recommendations !== false);

  const points = await sql<{ idx: number; balance: number; lifetime: number; shopName: string | null; shopUrl: string | null; loyalty: unknown }[]>`
    select r.idx, coalesce(sum(l.points), 0)::int as balance,
           coalesce(sum(l.points) filter (where l.points > 0 and l.kind not in ('redeem', 'expire')), 0)::int as lifetime,
           min(w.name) as "shopName", min(w.settings->'shop'->>'url') as "shopUrl", (array_agg(w.settings->'loyalty'))[1] as loyalty
    from unnest(${index}::int[], ${workspaces}::text[], ${customers}::text[]) as r(idx, ws, cust)
    left join workspaces w on w.id = r.ws
    left join loyalty_ledger l on l.workspace_id = r.ws and l.customer_id = r.cust
    group by r.idx`;

  // Seeds: the order's items, or the items of the customer's latest order when the email
  // has no order. Candidates: other products in orders that contain a seed, ranked by how
  // many such orders there are (frequently bought together), never a seed itself.
  const recommendations = wanted.length === 0 ? [] : await sql<(MergeRecommendation & { idx: number })[]>`
    with req as (
      select * from unnest(${wanted}::int[], ${wanted.map((i) => workspaces[i])}::text[], ${wanted.map((i) => customers[i])}::text[]) as r(idx, ws, cust)
    ), given as (
      select * from unnest(${seedIdx}::int[], ${seedProducts}::text[]) as g(idx, product_id)
    ), seeds as (
      select g.idx, r.ws, g.product_id from given g join req r using (idx)
      union
      select r.idx, r.ws, oi.product_id
      from req r
      cross join lateral (
        select o.id from orders o where o.workspace_id = r.ws and o.customer_id = r.cust
        order by o.placed_at desc limit 1) latest
      join order_items oi on oi.workspace_id = r.ws and oi.order_id = latest.id
      where not exists (select 1 from given g where g.idx = r.idx)
    ), together as (
      select s.idx, s.ws, other.product_id, count(distinct other.order_id)::int as n
      from seeds s
      join order_items mine on mine.workspace_id = s.ws and mine.product_id = s.product_id
      join order_items other on other.workspace_id = mine.workspace_id and other.order_id = mine.order_id
      where not exists (select 1 from seeds x where x.idx = s.idx and x.product_id = other.product_id)
      group by s.idx, s.ws, other.product_id
    ), ranked as (
      select t.*, row_number() over (partition by t.idx order by t.n desc, t.product_id) as rank from together t
    )
    select k.idx, p.id as "productId", p.name, coalesce(p.category, '') as category, p.price::float8 as price,
           coalesce(p.image_url, '') as "imageUrl", coalesce(p.url, '') as url, k.n as "boughtTogether"
    from ranked k join products p on p.workspace_id = k.ws and p.id = k.product_id
    where k.rank <= ${RECOMMENDATIONS_PER_EMAIL}
    order by k.idx, k.rank`;

  // One insert and one select for every customer of the batch whose email shows a referral code.
  const owners = requests.filter((r) => r.referral);
  const codes = owners.length === 0 ? new Map<string, string>() : await ensureReferralCodes(sql, owners, owners[0].now ?? null);

  const result: LoadedExtras[] = requests.map((r) => ({
    loyalty: noLoyalty(), recommendations: [], shopName: null, shopUrl: null,
    referralCode: r.referral ? codes.get(`${r.workspaceId}\n${r.customerId}`) ?? null : null,
  }));
  for (const p of points) Object.assign(result[p.idx], { shopName: p.shopName, shopUrl: p.shopUrl });
  // Each workspace's tiers for its customers: one statement per workspace of the batch.
  for (const ws of new Set(workspaces)) {
    const mine = points.filter((p) => requests[p.idx].workspaceId === ws);
    const tiers = readLoyaltyTiers(mine[0]?.loyalty);
    const found = new Map((await customerTiers(sql, ws, tiers, mine.map((p) => customers[p.idx]), now)).map((t) => [t.customerId, t]));
    for (const p of mine) result[p.idx].loyalty = loyaltyStatus(p.balance, p.lifetime, tiers, found.get(customers[p.idx]) ?? { index: 0, measure: 0 });
  }
  for (const { idx, ...rec } of recommendations) result[idx].recommendations.push(rec);
  return result;
}

/** Loads the requests made in one tick together, with the tiers as of `now()` then. */
export function createShopExtrasLoader(sql: Queryable, now: () => Date) {
  return { load: batchInTick((requests: ExtrasRequest[]) => loadShopExtras(sql, requests, now())) };
}
