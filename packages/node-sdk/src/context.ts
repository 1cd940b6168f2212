// What a step receives when it runs: the run, the customer, a clock, and the services it
// reaches the world through. Everything a service does is written in the same transaction as
// the run's new state, keyed by the step's idempotency key, so a retried step never acts twice.
import type { z } from 'zod';
import type {
  CouponRequest, CustomerSnapshot, EmailRequest, IssuedCoupon, ProfileUpdate, RunSnapshot,
} from './requests.js';
import type { AnyServiceDefinition } from './services.js';

/** What became of an email the step asked for. */
export type EmailOutcome =
  | { status: 'queued' }
  /** Not sent and never will be for this step: no address, no consent, suppressed, capped. */
  | { status: 'skipped'; reason: string }
  /** Quiet hours or a held frequency cap: return `hold(until, reason)` to try again then. */
  | { status: 'held'; until: Date; reason: string };

/** The built-in services. */
export interface Services {
  email: { send(request: EmailRequest): Promise<EmailOutcome> };
  points: { grant(amount: number, reason: string): Promise<void> };
  /**
   * Issues a unique, unguessable code for the customer: one per (run, node), so a retried
   * step gets the code issued the first time. It becomes `coupon` in the run's context,
   * where later steps (an email's {{ coupon.code }}) read it.
   */
  coupons: { issue(request: CouponRequest): Promise<IssuedCoupon> };
  segments: { isMember(segmentId: string): Promise<boolean> };
  /**
   * Changes the customer's attributes and tags, written with the step. Later steps of the same
   * walk see the change in `ctx.customer.attributes`.
   */
  profile: { update(update: ProfileUpdate): Promise<void> };
}

/** A marketing or transactional message on a channel, asked of the workspace's sending rules. */
export interface SendPolicyRequest {
  /** 'email', 'sms', ...: the frequency cap counts marketing messages of every channel together. */
  channel: string;
  kind: 'marketing' | 'transactional';
  /** When the frequency cap is reached: skip the message (default) or hold the step until a slot frees. */
  whenCapped?: 'skip' | 'hold';
}

export type SendPolicyVerdict =
  | { decision: 'send' }
  | { decision: 'skip'; reason: string }
  | { decision: 'hold'; until: Date; reason: string };

export interface EnqueueOptions {
  /** Distinguishes several effects of one service from one step (default: one per step). */
  key?: string;
  /**
   * A marketing message (an SMS offer): counts toward the workspace's frequency cap with
   * marketing email. Ask `sendPolicy.check` first; this only records the send.
   */
  marketing?: boolean;
}

export interface ExecContext {
  run: RunSnapshot;
  customer: CustomerSnapshot;
  nodeId: string;
  /** The only clock a node may read. */
  now(): Date;
  /** Unique per (run, node): effects carry it so a retried step never acts twice. */
  idempotencyKey: string;
  log(message: string, data?: Record<string, unknown>): void;
  services: Services;
  /** Adds to one of the node type's declared `counters`, shown on the canvas card. */
  count(counter: string, by?: number): void;
  /**
   * Queues an effect with a service (a plugin's or Afterglow's): checked against the service's
   * payload schema, written in the step's transaction, delivered after it commits, with retries.
   * One effect per (run, node, service, key): a retried step queues nothing new.
   */
  enqueue<S extends AnyServiceDefinition>(
    service: S, payload: z.input<S['payload']>, options?: EnqueueOptions,
  ): Promise<void>;
  /**
   * The workspace's quiet hours and frequency cap, for a message on any channel. A 'send'
   * verdict reserves the customer's slot under the cap: ask only when about to send.
   */
  sendPolicy: { check(request: SendPolicyRequest): Promise<SendPolicyVerdict> };
}
