// Test helpers for node types: a context with a fixed clock that records what the step did,
// for unit tests of `execute`. A whole journey through the real engine is tested with
// `createJourneyTest` (see docs/nodes.md).
import type { z } from 'zod';
import {
  HOLDOUT_REASON, type EmailOutcome, type ExecContext, type SendPolicyRequest, type SendPolicyVerdict, type StaffAlertMessage,
  type StaffAlertOutcome, type StaffAlertRequest,
} from './context.js';
import { NodeError } from './errors.js';
import type { CouponRequest, CustomerSnapshot, EmailRequest, IssuedCoupon, ProfileUpdate, PurchaseFilter, RunSnapshot } from './requests.js';
import type { AnyServiceDefinition } from './services.js';
import { predictFromTestData, type TestBuyingCycles, type TestPurchase } from './testing-predict.js';

export type { TestBuyingCycles, TestPurchase } from './testing-predict.js';

export interface RecordedEffects {
  emails: EmailRequest[];
  points: { amount: number; reason: string }[];
  coupons: CouponRequest[];
  /** Staff alerts queued: one per language composed (see `staffLocales`). */
  alerts: { to: StaffAlertRequest['to']; perHour: number; locale: string; customerUrl: string; message: StaffAlertMessage }[];
  /** Profile changes asked for, in order. */
  profile: ProfileUpdate[];
  /** Effects queued with services, payloads as parsed by each service's schema. */
  queued: { service: string; key: string; payload: unknown }[];
  /** Counter totals the step added to. */
  counts: Record<string, number>;
  /** Effects withheld because the run is held out (`ctx.holdOut()`, or `run.context.holdout` given). */
  heldOut: number;
}

export interface TestContextOptions {
  now?: Date;
  customer?: Partial<CustomerSnapshot>;
  run?: Partial<RunSnapshot>;
  segmentMembers?: Record<string, boolean>;
  /** The customer's purchases, which `services.orders.hasBought` and `predictNextPurchase` search (default: none). */
  purchases?: TestPurchase[];
  /** Buying cycles `services.orders.predictNextPurchase` reads, in days (default: none). */
  buyingCycles?: TestBuyingCycles;
  nodeId?: string;
  /** The workspace's sending rules' answer (default: send). */
  sendPolicy?: (request: SendPolicyRequest) => SendPolicyVerdict;
  /** What the email service answers (default: queued). */
  emailOutcome?: (request: EmailRequest) => EmailOutcome;
  /** The languages of a staff alert's recipients (default: ['en']); each gets the alert composed. */
  staffLocales?: string[];
  /** What the staff alert service answers (default: queued, for every language). */
  staffAlertOutcome?: (request: StaffAlertRequest) => StaffAlertOutcome;
}

export function createTestContext(opts: TestContextOptions = {}): { ctx: ExecContext; effects: RecordedEffects } {
  const effects: RecordedEffects = { emails: [], points: [], coupons: [], alerts: [], profile: [], queued: [], counts: {}, heldOut: 0 };
  const now = opts.now ?? new Date('2026-01-05T10:00:00Z');
  const run: RunSnapshot = {
    id: 'run_test', journeyId: 'j_test', versionId: 'v_test', enteredAt: now, stepCount: 0,
    trigger: null, context: {}, ...opts.run,
  };
  const customer: CustomerSnapshot = {
    id: 'cust_test', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace',
    timezone: 'UTC', birthday: null, locale: null, marketingConsent: true, attributes: {}, tags: [], ...opts.customer,
  };
  const nodeId = opts.nodeId ?? 'node_test';
  const idempotencyKey = `${run.id}:${nodeId}`;
  // Like the engine: a held-out run's effects are withheld and counted, nothing recorded.
  const withheld = (): boolean => {
    if (run.context.holdout === undefined) return false;
    effects.heldOut++;
    return true;
  };
  const ctx: ExecContext = {
    run, customer, nodeId, idempotencyKey,
    now: () => now,
    log: () => {},
    count: (counter, by = 1) => void (effects.counts[counter] = (effects.counts[counter] ?? 0) + by),
    // Like the engine: the payload is checked against the service's schema, once per key.
    async enqueue<S extends AnyServiceDefinition>(service: S, payload: z.input<S['payload']>, options: { key?: string } = {}) {
      const parsed = service.payload.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new NodeError(`${service.id}: ${issue.path.join('.') || 'payload'} ${issue.message}`, { code: 'config', field: issue.path.join('.') });
      }
      if (withheld()) return;
      const key = `${idempotencyKey}:${service.id}${options.key ? `:${options.key}` : ''}`;
      if (!effects.queued.some((q) => q.key === key)) effects.queued.push({ service: service.id, key, payload: parsed.data });
    },
    sendPolicy: { check: async (request) => (withheld() ? { decision: 'skip', reason: HOLDOUT_REASON } : opts.sendPolicy?.(request) ?? { decision: 'send' }) },
    holdOut: () => void (run.context.holdout ??= { nodeId, at: now.toISOString() }),
    services: {
      email: { send: async (r) => {
        if (withheld()) return { status: 'skipped', reason: HOLDOUT_REASON };
        const outcome = opts.emailOutcome?.(r) ?? { status: 'queued' };
        if (outcome.status === 'queued') effects.emails.push(r);
        return outcome;
      } },
      points: { grant: async (amount, reason) => {
        if (!withheld()) effects.points.push({ amount, reason });
      } },
      coupons: { issue: async (r) => {
        const expiresAt = new Date(now.getTime() + r.validDays * 86400e3).toISOString();
        if (withheld()) return { code: '', kind: r.kind, value: r.value, minOrderTotal: r.minOrderTotal, description: r.description, expiresAt };
        effects.coupons.push(r);
        // Like the engine's: the coupon lands in the run's context, where later steps read it.
        const coupon: IssuedCoupon = {
          code: `${r.prefix ? `${r.prefix.toUpperCase()}-` : ''}TEST${effects.coupons.length}`, kind: r.kind, value: r.value,
          minOrderTotal: r.minOrderTotal, description: r.description, expiresAt,
        };
        run.context.coupon = coupon;
        return coupon;
      } },
      segments: { isMember: async (id) => opts.segmentMembers?.[id] ?? false },
      orders: {
        hasBought: async (filter) => (opts.purchases ?? []).some((p) => bought(p, filter, now)),
        predictNextPurchase: async (r) => predictFromTestData(opts.purchases ?? [], opts.buyingCycles ?? {}, r, now),
      },
      staff: { alert: async (r) => {
        if (withheld()) return { status: 'skipped', reason: HOLDOUT_REASON };
        const outcome = opts.staffAlertOutcome?.(r) ?? { status: 'queued', recipients: (opts.staffLocales ?? ['en']).length };
        if (outcome.status !== 'queued') return outcome;
        const customerUrl = `https://afterglow.test/customers/${encodeURIComponent(customer.id)}`;
        for (const locale of opts.staffLocales ?? ['en']) {
          effects.alerts.push({ to: r.to, perHour: r.perHour, locale, customerUrl, message: r.compose({ locale, customerUrl }) });
        }
        return outcome;
      } },
      profile: { update: async (u) => void (withheld() || effects.profile.push(u)) },
    },
  };
  return { ctx, effects };
}

/** Like the engine's purchase search: a category also matches its sub-categories ("A > B"). */
function bought(p: NonNullable<TestContextOptions['purchases']>[number], f: PurchaseFilter, now: Date): boolean {
  if (f.withinDays !== undefined && p.at.getTime() <= now.getTime() - f.withinDays * 86_400_000) return false;
  const want = f.value.trim().toLowerCase();
  if (f.what === 'product') return p.productId === f.value.trim();
  const have = (f.what === 'brand' ? p.brand : p.category)?.trim().toLowerCase();
  if (!have) return false;
  return have === want || (f.what === 'category' && have.startsWith(`${want} > `));
}
