// The data a node sees and asks for: the customer, the run, and the requests it hands the
// built-in services. Plain shapes, no behaviour: they cross the package boundary as they are.

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
  /** The customer's language: the tag the shop sent, in canonical BCP 47 form ('sr-Latn-RS', 'sl'); null when unknown. */
  locale: string | null;
  marketingConsent: boolean;
  attributes: Record<string, unknown>;
  /** The customer's tags (a journey's Update profile, the shop's tags, identify's `tags` trait). */
  tags: string[];
}

export interface RunSnapshot {
  id: string;
  journeyId: string;
  versionId: string;
  enteredAt: Date;
  stepCount: number;
  /** The event that started the run (null for segment or schedule entry). */
  trigger: JourneyEvent | null;
  /**
   * Data gathered during the run, e.g. `coupon` issued by an earlier node, `holdout`
   * (`{ nodeId, at }`) once the run is held out (`ctx.holdOut()`), `loops` (turns through each
   * step's loop branch, by node id: `loopTurns(ctx)`).
   */
  context: Record<string, unknown>;
}

/**
 * Purchases asked about (`services.orders.hasBought`): a product (by id), a category (also its
 * sub-categories, "Skin care" matches "Skin care > Serums") or a brand; names compare ignoring case.
 */
export interface PurchaseFilter {
  what: 'product' | 'category' | 'brand';
  value: string;
  /** Only purchases in the last N days before the step's `now()`; absent: ever. */
  withinDays?: number;
}

/**
 * A replenishment question (`services.orders.predictNextPurchase`): when will the customer buy
 * these products (by id) or from these categories (sub-categories included, case ignored) again?
 */
export interface PurchasePredictionRequest {
  what: 'product' | 'category';
  /** One or more; the answer is the earliest of their predictions. */
  values: string[];
  /** Days after the last purchase (or after now, for something never bought) when no other rule predicts; absent: no answer then. */
  fallbackDays?: number;
}

/**
 * Which rule made a prediction, the first that applies: the customer's own rhythm (the median of
 * their latest intervals between purchases, with two or more intervals), the product's buying
 * cycle, its category's (the most specific with one), the request's fallback.
 */
export type PredictionRule = 'own_history' | 'product_cycle' | 'category_cycle' | 'fallback';

export interface PurchasePrediction {
  /** The predicted next purchase: the last purchase plus `days`; may be in the past (overdue). */
  at: Date;
  rule: PredictionRule;
  /** The product or category the earliest prediction is for; null when `values` was empty. */
  value: string | null;
  days: number;
  lastPurchaseAt: Date | null;
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

/**
 * A change to the customer's profile. Each part is idempotent (setting a value twice, adding a
 * tag the customer has, removing one they lack change nothing), so a retried step is harmless.
 */
export interface ProfileUpdate {
  /** Attributes to set; `null` clears (removes) the attribute. */
  attributes?: Record<string, string | number | boolean | null>;
  /** Tags to add (trimmed; one the customer already has is kept once). */
  addTags?: string[];
  /** Tags to remove (exact match after trimming). */
  removeTags?: string[];
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
