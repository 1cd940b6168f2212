// Test helpers for node types: a context with a fixed clock that records effects.
import type { CustomerSnapshot, EmailRequest, ExecContext, RunSnapshot } from './types';

export interface RecordedEffects {
  emails: EmailRequest[];
  points: { amount: number; reason: string }[];
}

export interface TestContextOptions {
  now?: Date;
  customer?: Partial<CustomerSnapshot>;
  run?: Partial<RunSnapshot>;
  segmentMembers?: Record<string, boolean>;
  nodeId?: string;
}

export function createTestContext(opts: TestContextOptions = {}): { ctx: ExecContext; effects: RecordedEffects } {
  const effects: RecordedEffects = { emails: [], points: [] };
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
      segments: { isMember: async (id) => opts.segmentMembers?.[id] ?? false },
    },
  };
  return { ctx, effects };
}
