// Services a node reaches the world through. Nothing here writes: effects are buffered
// and written by the stepper in the same transaction as the runs' new state, each keyed by
// its effect key, unique in the database, so a retried batch never acts twice.
import type { SecretBox } from '@afterglow/db';
import type { BlockRequest } from '@afterglow/email';
import { HOLDOUT_REASON, type CouponRequest, type CustomerSnapshot, type EmailOutcome, type EmailRequest, type IssuedCoupon, type JourneyEvent, type NodeRegistry, type Services } from '@afterglow/node-sdk';
import { createHash } from 'node:crypto';
import { couponService, type CouponLookup, type CouponRow } from './coupons';
import { isHeldOut, withhold, type HoldoutRow } from './holdout';
import { profileService, type ProfileBuffer } from './profile';
import type { SegmentLoader } from './segment-loader';
import type { SendPolicy } from './send-policy';
import { staffService, type StaffLookup } from './staff-alerts';
import type { LoopBuffer } from './loops';
import { passOf } from './loops';
import type { ServiceEffectBuffer } from './services/queue';
import type { RunRow } from './types';

/**
 * An email to queue. What every row of a batch shares (the from address, the time) and what
 * follows from these fields (Message-ID, headers) is added by writeOutbox in SQL.
 */
export interface OutboxRow {
  workspace_id: string;
  effect_key: string;
  customer_id: string;
  run_id: string;
  journey_id: string;
  version_id: string;
  node_id: string;
  kind: string;
  topic: string | null;
  to_address: string;
  /** What to render at send time: an email_contents row of the same workspace; null for a ready-made row. */
  content_hash: string | null;
  /** The saved template sent: its own sender, if it has one, comes before the workspace's (afterglow_sender). */
  template_id?: string;
  /** Set when the Message-ID is not the step's own (several emails of one step: staff alerts). */
  message_id?: string;
  /** A row written ready to send (a staff alert): not rendered, tracked or footed by the dispatcher. */
  ready?: { subject: string; html: string; text: string; locale: string };
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
  /** The requests the outbox rows name, one per distinct request, by workspace and JSON text. */
  contents: Map<string, ContentRow>;
  /** Coupons issued, stored by writeCoupons with each run's context.coupon. */
  coupons: CouponRow[];
  /** Profile changes (Update profile), one row per customer, stored by writeProfiles. */
  profiles: ProfileBuffer;
  /** Effects queued with services (ctx.enqueue), written by writeServiceEffects. */
  services: ServiceEffectBuffer;
  /** Runs held out by this batch (ctx.holdOut()), marked by writeHoldouts. */
  holdouts: HoldoutRow[];
  /** Runs that took a loop branch (Go to), their turns stored by writeLoops. */
  loops: LoopBuffer;
}

export interface ContentRow { workspace_id: string; hash: string; request: EmailRequest }

/**
 * What the step needs to queue an email; rendering happens at send time (the dispatcher).
 * blockReason reads through the batch's own transaction (see batch.ts).
 */
export interface EmailQueue {
  fromAddress: string;
  /** Why the address must not get this email (suppressed, topic turned off), or null. */
  blockReason(request: BlockRequest): Promise<string | null>;
  /** The saved template's version pinned at publish; throws MissingTemplateError (a NodeError) when there is none. */
  pinnedTemplate(workspaceId: string, versionId: string, templateId: string): Promise<unknown>;
}

/**
 * The stored request an email names. Equal requests (the emails of one node) share one row,
 * named by a hash of the content, computed once per batch: a batch queues hundreds alike.
 */
function contentOf(contents: EffectBuffer['contents'], workspaceId: string, request: EmailRequest): ContentRow {
  const json = JSON.stringify(request);
  const key = `${workspaceId}/${json}`;
  let content = contents.get(key);
  if (!content) {
    content = { workspace_id: workspaceId, hash: createHash('sha256').update(json).digest('base64url'), request };
    contents.set(key, content);
  }
  return content;
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

/**
 * What a step's effects are keyed by: run and node, and on a later pass through a loop the pass
 * (`run:node.pass2`), so the step acts again on each turn but once per turn, however often retried.
 */
export const effectKey = (run: RunRow, nodeId: string): string => {
  const pass = passOf(run);
  return pass ? `${run.id}:${nodeId}.pass${pass}` : `${run.id}:${nodeId}`;
};

/** The Message-ID spells the effect key (see bounces/record.ts); undefined: the default <run.node@afterglow>. */
export const messageIdOf = (key: string, run: RunRow, nodeId: string): string | undefined =>
  (key === `${run.id}:${nodeId}` ? undefined : `<${key.replace(':', '.')}@afterglow>`);

/** What every step of a batch shares: where effects go and what they consult. */
export interface ServiceDeps {
  buffer: EffectBuffer;
  /** Where ctx.enqueue finds the installed services. */
  registry: NodeRegistry;
  /** Seals the secret fields of queued payloads. */
  secrets: SecretBox;
  segments: SegmentLoader;
  email: EmailQueue;
  policy: SendPolicy;
  coupons: CouponLookup;
  staff: StaffLookup;
}

/**
 * A step's services, each built when the node first reaches for it: most steps use one
 * service or none, and an engine batch runs thousands of steps.
 */
export class StepServices implements Services {
  #email?: Services['email'];
  #points?: Services['points'];
  #coupons?: Services['coupons'];
  #profile?: Services['profile'];

  constructor(private readonly scope: StepScope, private readonly deps: ServiceDeps) {}

  get email(): Services['email'] {
    return (this.#email ??= emailService(this.scope, this.deps));
  }

  // The services below are methods, not arrow functions: a step builds no named closures.
  get points(): Services['points'] {
    const { run, nodeId, customer, now, detail } = this.scope;
    const { deps } = this;
    return (this.#points ??= {
      async grant(amount, reason) {
        if (isHeldOut(run)) return withhold(detail);
        deps.buffer.ledger.push({
          workspace_id: run.workspaceId, customer_id: customer.id, points: amount, reason,
          effect_key: effectKey(run, nodeId), run_id: run.id, node_id: nodeId, created_at: now.toISOString(),
        });
        detail.points = amount;
      },
    });
  }

  get coupons(): Services['coupons'] {
    const { run, nodeId, customer, now, detail } = this.scope;
    this.#coupons ??= isHeldOut(run)
      ? { issue: async (r) => heldOutCoupon(r, now, detail) }
      : couponService(run, nodeId, customer.id, effectKey(run, nodeId), now, this.deps.buffer.coupons, this.deps.coupons, detail);
    return this.#coupons;
  }

  get staff(): Services['staff'] {
    const { run, detail } = this.scope;
    if (!isHeldOut(run)) return staffService(this.scope, this.deps.buffer, this.deps.staff);
    return { alert: async () => (withhold(detail), { status: 'skipped', reason: HOLDOUT_REASON }) };
  }

  // A held-out run changes no profile either: a tag it added could start another journey's messages.
  get profile(): Services['profile'] {
    const { run, customer, detail } = this.scope;
    this.#profile ??= isHeldOut(run)
      ? { update: async () => withhold(detail) }
      : profileService(run.workspaceId, customer, this.deps.buffer.profiles, detail);
    return this.#profile;
  }

  get segments(): Services['segments'] {
    const { run, customer } = this.scope;
    const { segments } = this.deps;
    return {
      isMember(segmentId) {
        return segments.isMember(run.workspaceId, segmentId, customer.id);
      },
    };
  }

  get orders(): Services['orders'] {
    const { run, customer } = this.scope;
    const { segments } = this.deps;
    return {
      hasBought(filter) {
        return segments.hasBought(run.workspaceId, filter, customer.id);
      },
      predictNextPurchase(request) {
        return segments.predictNextPurchase(run.workspaceId, customer.id, request);
      },
    };
  }
}

/** What a held-out run's coupons.issue answers: nothing stored, no code (see ExecContext.holdOut). */
function heldOutCoupon(request: CouponRequest, now: Date, detail: Record<string, unknown>): IssuedCoupon {
  withhold(detail);
  return { code: '', kind: request.kind, value: request.value, minOrderTotal: request.minOrderTotal, description: request.description,
    expiresAt: new Date(now.getTime() + request.validDays * 86400e3).toISOString() };
}

function emailService(scope: StepScope, deps: ServiceDeps): Services['email'] {
  const { run, nodeId, customer } = scope;
  const { buffer, email, policy } = deps;
  return {
    async send(request) {
      const skipped = (reason: string): EmailOutcome => {
        scope.detail.email = `skipped: ${reason}`;
        return { status: 'skipped', reason };
      };
      if (isHeldOut(run)) {
        withhold(scope.detail);
        return skipped(HOLDOUT_REASON);
      }
      if (!customer.email) return skipped('the customer has no email address');
      if (request.kind === 'marketing' && !customer.marketingConsent) return skipped('the customer opted out of marketing email');
      const verdict = await policy.check(run.workspaceId, customer, { channel: 'email', kind: request.kind, whenCapped: request.whenCapped });
      if (verdict.decision === 'hold') return { status: 'held', until: verdict.until, reason: verdict.reason };
      if (verdict.decision === 'skip') return skipped(verdict.reason);
      // A journey pointing at a template that has no version pinned at publish is a setup
      // error: the run fails here, visibly on the canvas, rather than each email at send time.
      if (request.templateId) await email.pinnedTemplate(run.workspaceId, run.versionId, request.templateId);
      const blocked = await email.blockReason({ workspaceId: run.workspaceId, customerId: customer.id,
        toAddress: customer.email, kind: request.kind, topic: request.topic });
      if (blocked !== null) return skipped(blocked);
      const { hash } = contentOf(buffer.contents, run.workspaceId, request);
      const key = effectKey(run, nodeId);
      const messageId = messageIdOf(key, run, nodeId);
      buffer.outbox.push({
        ...(messageId ? { message_id: messageId } : {}),
        ...(request.templateId ? { template_id: request.templateId } : {}),
        workspace_id: run.workspaceId, effect_key: key, customer_id: customer.id, run_id: run.id,
        journey_id: run.journeyId, version_id: run.versionId, node_id: nodeId, kind: request.kind,
        topic: request.topic ?? null, to_address: customer.email, content_hash: hash,
      });
      scope.detail.email = 'queued';
      return { status: 'queued' };
    },
  };
}
