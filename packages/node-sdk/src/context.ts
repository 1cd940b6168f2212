// What a step receives when it runs: the run, the customer, a clock, and the services it
// reaches the world through. Everything a service does is written in the same transaction as
// the run's new state, keyed by the step's idempotency key, so a retried step never acts twice.
import type { z } from 'zod';
import type {
  CouponRequest, CustomerSnapshot, EmailRequest, IssuedCoupon, ProfileUpdate, PurchaseFilter, PurchasePrediction, PurchasePredictionRequest, RunSnapshot,
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
   * The customer's order history. The engine answers every run of a batch asking the same
   * question with one query, so a condition on purchases costs no query per run;
   * `predictNextPurchase` answers all runs of a batch asking it with one query too (null: no rule
   * applies and no fallback was given).
   */
  orders: {
    hasBought(filter: PurchaseFilter): Promise<boolean>;
    predictNextPurchase(request: PurchasePredictionRequest): Promise<PurchasePrediction | null>;
  };
  /**
   * An internal email about this customer to the shop's team: never frequency-capped or held
   * for quiet hours, whatever the customer's marketing consent. One per recipient per (run, node).
   */
  staff: { alert(request: StaffAlertRequest): Promise<StaffAlertOutcome> };
  /**
   * Changes the customer's attributes and tags, written with the step. Later steps of the same
   * walk see the change in `ctx.customer.attributes` and `ctx.customer.tags`.
   */
  profile: { update(update: ProfileUpdate): Promise<void> };
}

/** The workspace's roles (owner, admin, marketer, manager, developer, viewer). */
export type StaffRole = 'owner' | 'admin' | 'marketer' | 'manager' | 'developer' | 'viewer';

/** A staff alert, written by the node in each recipient's language. */
export interface StaffAlertMessage { subject: string; html: string; text: string }

export interface StaffAlertRequest {
  /**
   * The workspace's users of a role, or one team address: a user's address or one of the
   * workspace's listed test recipients (others are refused: the alert carries the customer's data).
   */
  to: { role: StaffRole } | { address: string };
  /** At most this many alerts from the journey in any 60 minutes; beyond that, 'limited'. */
  perHour: number;
  /**
   * The email in one language (a user's own, else the shop's default), called once per language
   * among the recipients; `customerUrl` is the customer's page in the app.
   */
  compose(input: { locale: string; customerUrl: string }): StaffAlertMessage;
}

export type StaffAlertOutcome =
  | { status: 'queued'; recipients: number }
  /** The journey's hourly limit was reached: nothing sent. */
  | { status: 'limited' }
  /** Nobody to send to (no user has the role). */
  | { status: 'skipped'; reason: string }
  /** The address may not receive alerts: a configuration error. */
  | { status: 'refused'; reason: string };

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

/** Why a held-out run's message was not sent (`email.send`'s `skipped` reason, `sendPolicy`'s `skip`). */
export const HOLDOUT_REASON = 'the run is in a holdout group';

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
  /**
   * Puts the run in a holdout group from this step on (a control group, to measure a journey's
   * lift): it keeps walking the journey and its conversions still count, but nothing reaches the
   * customer. Every later effect is withheld and counted `held_out` on its node: `email.send`
   * answers `skipped` (HOLDOUT_REASON), `points.grant` grants nothing, `coupons.issue` stores no
   * coupon (its answer's `code` is ''), `enqueue` queues nothing, `sendPolicy.check` answers
   * `skip`, `staff.alert` answers `skipped`, `profile.update` changes nothing. The mark is `run.context.holdout` (`{ nodeId, at }`); once set, calling again does nothing.
   */
  holdOut(): void;
}
