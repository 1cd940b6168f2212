// The contract between a node type and everything that uses it (palette, canvas card,
// config form, validation, publishing, trigger matching, execution).
import type { z } from 'zod';
import type { Instruction } from './instructions.js';

export type NodeCategory = 'trigger' | 'wait' | 'condition' | 'action';
export type ColorToken = 'violet' | 'amber' | 'sky' | 'emerald' | 'rose' | 'slate' | 'indigo';

export interface BranchSpec {
  /** Stable id: the canvas handle id and the key of the plan's `next` map. */
  id: string;
  label: string;
}

/** An event as a trigger or wait-for-event sees it. */
export interface JourneyEvent {
  messageId: string;
  name: string;
  customerId: string;
  properties: Record<string, unknown>;
  timestamp: Date;
}

export interface CustomerSnapshot {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  timezone: string;
  birthday: string | null;
  marketingConsent: boolean;
  attributes: Record<string, unknown>;
}

export interface RunSnapshot {
  id: string;
  journeyId: string;
  versionId: string;
  enteredAt: Date;
  stepCount: number;
  /** The event that started the run (null for segment or schedule entry). */
  trigger: JourneyEvent | null;
  /** Data gathered during the run, e.g. a coupon issued by an earlier node. */
  context: Record<string, unknown>;
}

export interface EmailRequest {
  subject: string;
  /** MJML source with Liquid merge fields such as {{ customer.firstName }}. */
  body: string;
  preheader?: string;
  fromName?: string;
  kind: 'marketing' | 'transactional';
  /** A marketing topic (preference page): customers who turned it off are not sent this email. */
  topic?: string;
  /** When the workspace's frequency cap is reached: skip this email, or hold it until a slot frees. */
  whenCapped?: 'skip' | 'hold';
  /**
   * A saved template: its version that was newest when the journey was published supplies
   * subject, preheader and body instead of the inline ones above.
   */
  templateId?: string;
}

export type CouponKind = 'percent' | 'fixed' | 'free_shipping';

export interface CouponRequest {
  kind: CouponKind;
  /** Percent off (1–100) or the amount off in the shop's currency; ignored for free shipping. */
  value: number;
  /** Letters and digits put before the random part, e.g. WINBACK: WINBACK-7KQ2M9XH4TPA. */
  prefix: string;
  /** The code expires this many days after it is issued. */
  validDays: number;
  /** The smallest order total the code applies to (0: any order). */
  minOrderTotal: number;
  /** Shown in emails as {{ coupon.description }}. */
  description: string;
}

/** A coupon as stored and as later steps see it in `run.context.coupon`. */
export interface IssuedCoupon {
  code: string;
  kind: CouponKind;
  value: number;
  minOrderTotal: number;
  description: string;
  /** ISO date-time. */
  expiresAt: string;
}

export type WebhookMethod = 'POST' | 'PUT' | 'PATCH';

export interface WebhookRequest {
  /** https (http only to a development receiver); private addresses are refused at send time. */
  url: string;
  method: WebhookMethod;
  /** Extra headers, sent as given beside Content-Type, Idempotency-Key and the signature. */
  headers: Record<string, string>;
  /** The JSON document to send, already rendered. */
  body: string;
  /** When set, each delivery carries X-Afterglow-Signature (HMAC-SHA256 of timestamp and body). */
  signingSecret?: string;
}

/**
 * Everything a step may do to the world. Effects are buffered by the engine and written
 * in the same transaction as the run's new state, keyed by the step's idempotency key.
 */
export interface Services {
  email: { send(request: EmailRequest): Promise<void> };
  points: { grant(amount: number, reason: string): Promise<void> };
  /**
   * Issues a unique, unguessable code for the customer: one per (run, node), so a retried
   * step gets the code issued the first time. It becomes `coupon` in the run's context,
   * where later steps (an email's {{ coupon.code }}) read it.
   */
  coupons: { issue(request: CouponRequest): Promise<IssuedCoupon> };
  segments: { isMember(segmentId: string): Promise<boolean> };
  /** Queues one HTTP call per (run, node), delivered (with retries) after the step commits. */
  webhooks: { call(request: WebhookRequest): Promise<void> };
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
}

export interface ConfigIssue {
  /** Dotted path of the config field, '' for the node as a whole. */
  field: string;
  message: string;
}

/** Publish-time checks that need the workspace's data (does the segment exist?). */
export interface CheckContext {
  segmentExists(segmentId: string): Promise<boolean>;
  /** Compiles the template; returns problems with line numbers when it is broken. */
  checkEmailTemplate(request: Pick<EmailRequest, 'subject' | 'body'>): Promise<ConfigIssue[]>;
  /** Problems of a saved template (it does not exist, or its newest version is broken). */
  checkSavedTemplate?(templateId: string): Promise<ConfigIssue[]>;
}

export interface TriggerBehaviour<C> {
  /** The event name this trigger listens to (used to pre-filter events in SQL); null: none. */
  eventName(config: C): string | null;
  matches(event: JourneyEvent, config: C): boolean;
  /** Re-entry key: a customer enters once per distinct key. */
  entryKey(event: JourneyEvent, config: C): string;
  /**
   * A whole segment enters at once (a broadcast): the engine enrols every member with one
   * set-based statement when the version is live and `startAt` (null: at once) has come.
   */
  audience?(config: C): { segmentId: string; startAt: Date | null };
}

export interface NodeUi<C> {
  label: string;
  description: string;
  /** Icon name understood by the web app's icon set. */
  icon: string;
  color: ColorToken;
  /** Branches leaving the node: fixed, or computed from its config. */
  branches: BranchSpec[] | ((config: C) => BranchSpec[]);
  /** One line for the canvas card. */
  summary(config: C): string;
}

export interface NodeTypeDefinition<S extends z.ZodType = z.ZodType> {
  /** Stable forever, namespaced: `core/send-email`. */
  id: string;
  version: number;
  category: NodeCategory;
  /**
   * The config's zod schema. `.meta()` on a field holds the form's hints (`label`, `help`,
   * `widget`, `options`, `showIf`). `widget: 'secret'` (at any depth, list items included)
   * marks a secret: sealed in the database, hidden from users who cannot edit journeys, opened
   * only when the step runs. `secretTarget: true` marks the field saying where the secrets are
   * sent (a URL): a stored secret is kept across a save only while that field's origin stays.
   */
  config: S;
  defaults: z.input<S>;
  ui: NodeUi<z.output<S>>;
  trigger?: TriggerBehaviour<z.output<S>>;
  execute?(ctx: ExecContext, config: z.output<S>): Promise<Instruction> | Instruction;
  check?(config: z.output<S>, ctx: CheckContext): Promise<ConfigIssue[]>;
  /** Names of per-node counters shown on the canvas (e.g. 'emails', 'points'). */
  counters?: string[];
}
