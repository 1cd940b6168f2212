// Test helpers for node types: a context with a fixed clock that records what the step did,
// for unit tests of `execute`. A whole journey through the real engine is tested with
// `createJourneyTest` (see docs/nodes.md).
import type { z } from 'zod';
import type { EmailOutcome, ExecContext, SendPolicyRequest, SendPolicyVerdict } from './context.js';
import { NodeError } from './errors.js';
import type { CouponRequest, CustomerSnapshot, EmailRequest, IssuedCoupon, ProfileUpdate, RunSnapshot } from './requests.js';
import type { AnyServiceDefinition } from './services.js';

export interface RecordedEffects {
  emails: EmailRequest[];
  points: { amount: number; reason: string }[];
  coupons: CouponRequest[];
  /** Profile changes asked for, in order. */
  profile: ProfileUpdate[];
  /** Effects queued with services, payloads as parsed by each service's schema. */
  queued: { service: string; key: string; payload: unknown }[];
  /** Counter totals the step added to. */
  counts: Record<string, number>;
}

export interface TestContextOptions {
  now?: Date;
  customer?: Partial<CustomerSnapshot>;
  run?: Partial<RunSnapshot>;
  segmentMembers?: Record<string, boolean>;
  nodeId?: string;
  /** The workspace's sending rules' answer (default: send). */
  sendPolicy?: (request: SendPolicyRequest) => SendPolicyVerdict;
  /** What the email service answers (default: queued). */
  emailOutcome?: (request: EmailRequest) => EmailOutcome;
}

export function createTestContext(opts: TestContextOptions = {}): { ctx: ExecContext; effects: RecordedEffects } {
  const effects: RecordedEffects = { emails: [], points: [], coupons: [], profile: [], queued: [], counts: {} };
  const now = opts.now ?? new Date('2026-01-05T10:00:00Z');
  const run: RunSnapshot = {
    id: 'run_test', journeyId: 'j_test', versionId: 'v_test', enteredAt: now, stepCount: 0,
    trigger: null, context: {}, ...opts.run,
  };
  const customer: CustomerSnapshot = {
    id: 'cust_test', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace',
    timezone: 'UTC', birthday: null, marketingConsent: true, attributes: {}, tags: [], ...opts.customer,
  };
  const nodeId = opts.nodeId ?? 'node_test';
  const idempotencyKey = `${run.id}:${nodeId}`;
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
      const key = `${idempotencyKey}:${service.id}${options.key ? `:${options.key}` : ''}`;
      if (!effects.queued.some((q) => q.key === key)) effects.queued.push({ service: service.id, key, payload: parsed.data });
    },
    sendPolicy: { check: async (request) => opts.sendPolicy?.(request) ?? { decision: 'send' } },
    services: {
      email: { send: async (r) => {
        const outcome = opts.emailOutcome?.(r) ?? { status: 'queued' };
        if (outcome.status === 'queued') effects.emails.push(r);
        return outcome;
      } },
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
      profile: { update: async (u) => void effects.profile.push(u) },
    },
  };
  return { ctx, effects };
}
