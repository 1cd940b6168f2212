// Services a node reaches the world through. Nothing here writes: effects are buffered
// and written by the stepper in the same transaction as the runs' new state, each keyed by
// its effect key, unique in the database, so a retried batch never acts twice.
import type { PrepareRequest, PrepareResult } from '@afterglow/email';
import type { CustomerSnapshot, EmailRequest, JourneyEvent, Services } from '@afterglow/node-sdk';
import { randomUUID } from 'node:crypto';
import { couponService, type CouponLookup, type CouponRow } from './coupons';
import type { SegmentLoader } from './segment-loader';
import type { SendPolicy } from './send-policy';
import type { RunRow } from './types';

export interface OutboxRow {
  /** Chosen here, not by the database: the email's signed links name it. */
  id: string;
  workspace_id: string;
  effect_key: string;
  customer_id: string;
  run_id: string;
  journey_id: string;
  version_id: string;
  node_id: string;
  kind: string;
  to_address: string;
  from_address: string;
  subject: string;
  html: string;
  text: string;
  message_id: string;
  headers: Record<string, string>;
  next_attempt_at: string;
  created_at: string;
}

export interface LedgerRow {
  workspace_id: string;
  customer_id: string;
  points: number;
  reason: string;
  effect_key: string;
  run_id: string;
  node_id: string;
  created_at: string;
}

export interface EffectBuffer {
  outbox: OutboxRow[];
  ledger: LedgerRow[];
  /** Targets of each email's tracked links, written with the outbox rows. */
  links: LinkRow[];
  /** Coupons issued, stored by writeCoupons with each run's context.coupon. */
  coupons: CouponRow[];
}

export interface LinkRow { workspace_id: string; outbox_id: string; idx: number; url: string }

/** Which run an email belongs to: lets the renderer load run- and workspace-scoped merge data. */
export interface RenderScope {
  workspaceId: string;
  /** The journey version: a saved template resolves to its version pinned at publish time. */
  versionId: string;
  context: Record<string, unknown>;
}

export interface EmailRenderer {
  render(request: EmailRequest, customer: CustomerSnapshot, trigger: JourneyEvent | null, scope: RenderScope): Promise<{ subject: string; html: string; text: string }>;
  fromAddress: string;
  /** Suppression check, signed tracking and unsubscribe links, compliance headers. */
  prepare(request: PrepareRequest): Promise<PrepareResult>;
}

export interface StepScope {
  run: RunRow;
  nodeId: string;
  customer: CustomerSnapshot;
  trigger: JourneyEvent | null;
  now: Date;
  /** Facts about the step's effects, stored in run_steps.detail. */
  detail: Record<string, unknown>;
}

export const effectKey = (runId: string, nodeId: string) => `${runId}:${nodeId}`;

export function createServices(
  scope: StepScope, buffer: EffectBuffer, segments: SegmentLoader, email: EmailRenderer, policy: SendPolicy,
  coupons: CouponLookup,
): Services {
  const { run, nodeId, customer, now } = scope;
  const key = effectKey(run.id, nodeId);
  return {
    email: {
      async send(request) {
        if (!customer.email) {
          scope.detail.email = 'skipped: the customer has no email address';
          return;
        }
        if (request.kind === 'marketing' && !customer.marketingConsent) {
          scope.detail.email = 'skipped: the customer opted out of marketing email';
          return;
        }
        const verdict = await policy.check(run.workspaceId, customer, request);
        if (!verdict.send) {
          scope.detail.email = `skipped: ${verdict.reason}`;
          return;
        }
        const rendered = await email.render(request, customer, scope.trigger,
          { workspaceId: run.workspaceId, versionId: run.versionId, context: run.context });
        const outboxId = randomUUID();
        const prepared = await email.prepare({
          html: rendered.html, text: rendered.text, kind: request.kind, workspaceId: run.workspaceId,
          customerId: customer.id, outboxId, toAddress: customer.email, topic: request.topic,
        });
        if (prepared.blocked !== null) {
          scope.detail.email = `skipped: ${prepared.blocked}`;
          return;
        }
        buffer.outbox.push({
          id: outboxId, workspace_id: run.workspaceId, effect_key: key, customer_id: customer.id, run_id: run.id,
          journey_id: run.journeyId, version_id: run.versionId, node_id: nodeId, kind: request.kind,
          to_address: customer.email, from_address: email.fromAddress, subject: rendered.subject,
          html: prepared.html, text: prepared.text, headers: prepared.headers,
          // Stable per effect: a retried delivery carries the same Message-ID.
          message_id: `<${run.id}.${nodeId}@afterglow>`,
          next_attempt_at: now.toISOString(), created_at: now.toISOString(),
        });
        buffer.links.push(...prepared.links.map((url, idx) => ({ workspace_id: run.workspaceId, outbox_id: outboxId, idx, url })));
        scope.detail.email = 'queued';
      },
    },
    points: {
      async grant(amount, reason) {
        buffer.ledger.push({
          workspace_id: run.workspaceId, customer_id: customer.id, points: amount, reason,
          effect_key: key, run_id: run.id, node_id: nodeId, created_at: now.toISOString(),
        });
        scope.detail.points = amount;
      },
    },
    coupons: couponService(run, nodeId, customer.id, key, now, buffer.coupons, coupons, scope.detail),
    segments: {
      isMember: (segmentId) => segments.isMember(run.workspaceId, segmentId, customer.id),
    },
  };
}
