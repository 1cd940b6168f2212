// Test helpers for node types: a context with a fixed clock that records effects.
import type { CouponRequest, CustomerSnapshot, EmailRequest, ExecContext, IssuedCoupon, RunSnapshot, WebhookRequest } from './types.js';

export interface RecordedEffects {
  emails: EmailRequest[];
  points: { amount: number; reason: string }[];
  coupons: CouponRequest[];
  webhooks: WebhookRequest[];
}

export interface TestContextOptions {
  now?: Date;
  customer?: Partial<CustomerSnapshot>;
  run?: Partial<RunSnapshot>;
  segmentMembers?: Record<string, boolean>;
  nodeId?: string;
}

export function createTestContext(opts: TestContextOptions = {}): { ctx: ExecContext; effects: RecordedEffects } {
  const effects: RecordedEffects = { emails: [], points: [], coupons: [], webhooks: [] };
  const now = opts.now ?? new Date('2026-01-05T10:00:00Z');
  const run: RunSnapshot = {
    id: 'run_test', journeyId: 'j_test', versionId: 'v_test', enteredAt: now, stepCount: 0,
    trigger: null, context: {}, ...opts.run,
  };
  const customer: CustomerSnapshot = {
    id: 'cust_test', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace',
    timezone: 'UTC', birthday: null, marketingConsent: true, attributes: {}, ...opts.customer,
  };
  const nodeId = opts.nodeId ?? 'node_test';
  const ctx: ExecContext = {
    run, customer, nodeId,
    now: () => now,
    idempotencyKey: `${run.id}:${nodeId}`,
    log: () => {},
    services: {
      email: { send: async (r) => void effects.emails.push(r) },
      points: { grant: async (amount, reason) => void effects.points.push({ amount, reason }) },
      coupons: { issue: async (r) => {
        effects.coupons.push(r);
        // Like the engine's: the coupon lands in the run's context, where later steps read it.
        const coupon: IssuedCoupon = {
          code: `${r.prefix ? `${r.prefix.toUpperCase()}-` : ''}TEST${effects.coupons.length}`, kind: r.kind, value: r.value,
          minOrderTotal: r.minOrderTotal, description: r.description,
          expiresAt: new Date(now.getTime() + r.validDays * 86400e3).toISOString(),
        };
        run.context.coupon = coupon;
        return coupon;
      } },
      segments: { isMember: async (id) => opts.segmentMembers?.[id] ?? false },
      webhooks: { call: async (r) => void effects.webhooks.push(r) },
    },
  };
  return { ctx, effects };
}
