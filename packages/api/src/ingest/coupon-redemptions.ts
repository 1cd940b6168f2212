// Coupon redemption: a placed order that names a code Afterglow issued marks that coupon
// redeemed (when, by which order), in the ingestion transaction, with one set-based
// statement per request, and counts it on the step that issued it (`redeemed`) with one more.
// Segment's Order Completed carries `coupon` (a string, sometimes comma-separated); Shopify's
// orders/create `discount_codes` (mapped to a list of codes).
import { addNodeCounts } from '@afterglow/db';
import type postgres from 'postgres';
import { z } from 'zod';
import { orderStatusOf } from './order-schema';

export interface Redemption {
  code: string;
  orderId: string;
  /** ISO source timestamp of the order event. */
  at: string;
}

const code = z.string().trim().min(1).max(100).transform((c) => c.toUpperCase());
// Codes are read leniently: a malformed discount field must not refuse the order itself.
const codesSchema = z.object({
  order_id: z.union([z.string().trim().min(1).max(200), z.number().finite()]).transform(String),
  coupon: z.string().max(1000).optional().catch(undefined),
  discount_codes: z.array(z.union([code, z.looseObject({ code })]).nullable().catch(null)).max(100).optional().catch(undefined),
});

/** The codes a placed order names; none for other lifecycle events (a shipped order redeems nothing new). */
export function redemptionsOf(event: string, properties: Record<string, unknown>, at: string): Redemption[] {
  if (orderStatusOf(event) !== 'placed') return [];
  const parsed = codesSchema.safeParse(properties);
  if (!parsed.success) return [];
  const { order_id: orderId, coupon, discount_codes: discounts } = parsed.data;
  const codes = new Set<string>();
  for (const c of (coupon ?? '').split(',')) if (c.trim()) codes.add(c.trim().toUpperCase().slice(0, 100));
  for (const d of discounts ?? []) if (d) codes.add(typeof d === 'string' ? d : d.code);
  return [...codes].map((c) => ({ code: c, orderId, at }));
}

/**
 * Marks each named coupon redeemed by its earliest order; a coupon already redeemed keeps its
 * first order, and is counted only the first time.
 */
export async function redeemCoupons(tx: postgres.TransactionSql, workspaceId: string, redemptions: Redemption[]): Promise<void> {
  if (redemptions.length === 0) return;
  const codes = [...new Set(redemptions.map((r) => r.code))].sort();
  // By key (code = any) so the plan stays index probes on coupons_code_uq; sorted, so
  // concurrent requests lock the rows in the same order.
  const redeemed = await tx<{ version_id: string | null; node_id: string | null }[]>`
    update coupons c set redeemed_at = r.at, redeemed_order_id = r.order_id
    from (
      select distinct on (code) code, order_id, at
      from jsonb_to_recordset(${JSON.stringify(redemptions.map((r) => ({ code: r.code, order_id: r.orderId, at: r.at })))}::text::jsonb)
        as x(code text, order_id text, at timestamptz)
      order by code, at
    ) r
    where c.workspace_id = ${workspaceId} and c.code = any(${tx.array(codes)}::text[]) and c.code = r.code
      and c.redeemed_at is null
    returning c.version_id, c.node_id`.execute(); // sent now, in line with the request's other statements
  await addNodeCounts(tx, redeemed.flatMap((r) => (r.version_id !== null && r.node_id !== null
    ? [{ version: r.version_id, node: r.node_id, metric: 'redeemed', n: 1 }] : [])));
}
