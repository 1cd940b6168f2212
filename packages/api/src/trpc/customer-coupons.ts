// The customer's coupons for the customer page: what each gives, which journey issued it,
// and whether it is still open, redeemed (by which order) or expired.
import type { ApiDeps } from './deps';
import { iso } from './time';

type Ts = Date | string;

export async function couponsOf(deps: ApiDeps, workspaceId: string, customerId: string, limit: number) {
  const rows = await deps.database.sql<{
    code: string; kind: string; value: number; minOrderTotal: number; description: string; journeyId: string | null;
    journeyName: string | null; createdAt: Ts; expiresAt: Ts | null; redeemedAt: Ts | null; redeemedOrderId: string | null;
  }[]>`
    select c.code, c.kind, c.value::float8 as value, c.min_order_total::float8 as "minOrderTotal", c.description,
      c.journey_id as "journeyId", j.name as "journeyName", c.created_at as "createdAt", c.expires_at as "expiresAt",
      c.redeemed_at as "redeemedAt", c.redeemed_order_id as "redeemedOrderId"
    from coupons c left join journeys j on j.id = c.journey_id
    where c.workspace_id = ${workspaceId} and c.customer_id = ${customerId}
    order by c.created_at desc, c.code limit ${limit}`;
  const now = deps.clock.now().getTime();
  return rows.map((c) => ({
    ...c,
    createdAt: iso(c.createdAt), expiresAt: c.expiresAt ? iso(c.expiresAt) : null, redeemedAt: c.redeemedAt ? iso(c.redeemedAt) : null,
    status: c.redeemedAt ? 'redeemed' as const : c.expiresAt && new Date(c.expiresAt).getTime() <= now ? 'expired' as const : 'open' as const,
  }));
}
