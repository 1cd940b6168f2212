// The coupons service of a batch: issues unique, unguessable codes, buffered like every
// effect and written with one set-based statement in the batch's transaction. Exactly one
// coupon per (run, node): the effect key is unique in the database, and a coupon that
// already exists for the key (an earlier attempt committed it) is reused, both for the
// step's own view (a later email in the same walk) and in the run's stored context.
import type { CountRow, Queryable } from '@afterglow/db';
import type { CouponRequest, IssuedCoupon, Services } from '@afterglow/node-sdk';
import { randomBytes } from 'node:crypto';
import type { RunRow } from './types';

export interface CouponRow {
  workspace_id: string;
  code: string;
  customer_id: string;
  journey_id: string;
  version_id: string;
  run_id: string;
  node_id: string;
  effect_key: string;
  kind: string;
  value: number;
  min_order_total: number;
  description: string;
  expires_at: string;
  created_at: string;
}

/** No 0/O, 1/I/L: a code read off a phone and typed at checkout must survive. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 31^12 ≈ 2^59: guessing one of a million live codes takes ~10^12 tries. */
const CODE_LENGTH = 12;

export function newCouponCode(prefix: string): string {
  let out = '';
  while (out.length < CODE_LENGTH) {
    // Rejection sampling: bytes past the last whole multiple of 31 would bias the draw.
    for (const b of randomBytes(CODE_LENGTH * 2)) {
      if (b < 248 && out.length < CODE_LENGTH) out += CODE_ALPHABET[b % 31];
    }
  }
  return prefix ? `${prefix.toUpperCase()}-${out}` : out;
}

/** The coupon a request asks for, with a fresh code, expiring `validDays` after `now`. */
export function newCoupon(request: CouponRequest, now: Date): IssuedCoupon {
  return {
    code: newCouponCode(request.prefix), kind: request.kind, value: request.value, minOrderTotal: request.minOrderTotal,
    description: request.description, expiresAt: new Date(now.getTime() + request.validDays * 86400e3).toISOString(),
  };
}

export interface CouponLookup {
  /** The coupon already stored for this effect key, if any. */
  existing(workspaceId: string, effectKey: string): Promise<IssuedCoupon | null>;
}

/** Batches the lookups of one tick into one indexed query (the DataLoader pattern). */
export function createCouponLookup(sql: Queryable): CouponLookup {
  let pending: { ws: string; key: string; resolve(v: IssuedCoupon | null): void; reject(e: unknown): void }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const rows = await sql<(IssuedCoupon & { ws: string; key: string })[]>`
        select c.workspace_id as ws, c.effect_key as key, c.code, c.kind, c.value::float8 as value,
               c.min_order_total::float8 as "minOrderTotal", c.description,
               to_char(c.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "expiresAt"
        from unnest(${batch.map((b) => b.ws)}::text[], ${batch.map((b) => b.key)}::text[]) as k(ws, key)
        join coupons c on c.workspace_id = k.ws and c.effect_key = k.key`;
      const found = new Map(rows.map(({ ws, key, ...coupon }) => [`${ws}\u0000${key}`, coupon]));
      for (const b of batch) b.resolve(found.get(`${b.ws}\u0000${b.key}`) ?? null);
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  };
  return {
    existing: (ws, key) => new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(() => void flush());
      pending.push({ ws, key, resolve, reject });
    }),
  };
}

export function couponService(
  run: RunRow, nodeId: string, customerId: string, effectKey: string, now: Date,
  buffer: CouponRow[], lookup: CouponLookup, detail: Record<string, unknown>,
): Services['coupons'] {
  // One coupon per (run, node) within the step too: a node calling issue() twice gets the
  // same code (graphs have no loops, so a run meets a node once per walk).
  let issued: Promise<IssuedCoupon> | null = null;
  return {
    issue(request: CouponRequest) {
      issued ??= issueOnce(request);
      return issued;
    },
  };

  async function issueOnce(request: CouponRequest): Promise<IssuedCoupon> {
    const coupon: IssuedCoupon = (await lookup.existing(run.workspaceId, effectKey)) ?? newCoupon(request, now);
    buffer.push({
      workspace_id: run.workspaceId, code: coupon.code, customer_id: customerId, journey_id: run.journeyId,
      version_id: run.versionId, run_id: run.id, node_id: nodeId, effect_key: effectKey, kind: coupon.kind,
      value: coupon.value, min_order_total: coupon.minOrderTotal, description: coupon.description,
      expires_at: coupon.expiresAt, created_at: now.toISOString(),
    });
    // Later steps of this same walk (an email) read it from here; writeCoupons stores it.
    run.context.coupon = coupon;
    detail.coupon = coupon.code;
    return coupon;
  }
}

/**
 * Inserts the batch's coupons and sets each run's `context.coupon` to the coupon actually
 * stored, in one statement. The outer query's snapshot predates the CTE's insert, so the
 * join to `coupons` finds exactly the coupons that already existed for an effect key: those
 * win over this attempt's code. A clash of two new codes (p ≈ n²/2^60) fails the batch,
 * which rolls back and is retried with fresh codes: never a coupon that was not stored.
 * Returns the coupons inserted per step (`issued`), for the batch's counters: one already
 * there for its effect key is not issued again.
 */
export async function writeCoupons(tx: Queryable, rows: CouponRow[]): Promise<CountRow[]> {
  if (rows.length === 0) return [];
  const issued = await tx<{ version_id: string; node_id: string; n: number }[]>`
    with v as (
      select * from jsonb_to_recordset(${tx.json(rows.map((r, seq) => ({ ...r, seq })) as never)}) as v(seq int,
        workspace_id text, code text, customer_id text, journey_id text, version_id text, run_id uuid, node_id text,
        effect_key text, kind text, value numeric, min_order_total numeric, description text, expires_at timestamptz,
        created_at timestamptz)
    ), ins as (
      insert into coupons (workspace_id, code, customer_id, journey_id, version_id, run_id, node_id, effect_key, kind,
        value, min_order_total, description, expires_at, created_at)
      select workspace_id, code, customer_id, journey_id, version_id, run_id, node_id, effect_key, kind,
        value, min_order_total, description, expires_at, created_at
      from v order by effect_key
      on conflict (workspace_id, effect_key) where effect_key is not null do nothing
      returning version_id, node_id
    ), stored as (
      -- A run given two coupons in one walk keeps the later one, as its steps saw it.
      select distinct on (v.run_id) v.run_id, coalesce(old.code, v.code) as code, coalesce(old.kind, v.kind) as kind,
        coalesce(old.value, v.value) as value, coalesce(old.min_order_total, v.min_order_total) as min_order_total,
        coalesce(old.description, v.description) as description,
        case when old.id is null then v.expires_at else old.expires_at end as expires_at
      from v left join coupons old on old.workspace_id = v.workspace_id and old.effect_key = v.effect_key
      order by v.run_id, v.seq desc
    ), updated as (
      update journey_runs r set context = jsonb_set(r.context, '{coupon}', jsonb_build_object(
        'code', s.code, 'kind', s.kind, 'value', s.value::float8, 'minOrderTotal', s.min_order_total::float8,
        'description', s.description,
        'expiresAt', to_char(s.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      from stored s where r.id = s.run_id
    )
    select version_id, node_id, count(*)::int as n from ins group by 1, 2`;
  return issued.map((r) => ({ version: r.version_id, node: r.node_id, metric: 'issued', n: r.n }));
}
