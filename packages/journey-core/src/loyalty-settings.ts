// The shop's loyalty programme: how customers earn points, the tiers they climb, the rewards
// points buy, and when unused points expire. Kept in workspaces.settings.loyalty; read with the
// defaults (which equal the programme before it was configurable: 1 point per currency unit,
// Bronze 0 / Silver 500 / Gold 1500 / Platinum 5000 lifetime points, nothing expires).
import { z } from 'zod';

const points = z.number({ error: 'Points must be a number' }).int('Points must be a whole number')
  .min(0, 'Points must be 0 or more').max(1_000_000, 'Points are at most 1,000,000');

/** One earning rule: on or off, and how many points it gives. */
const rule = (defaultPoints: number) => z.object({
  enabled: z.boolean({ error: 'enabled must be true or false' }),
  points,
}).default({ enabled: false, points: defaultPoints });

/** A stable id (renaming or reordering never changes which tier or reward a record names). */
const id = z.string({ error: 'An id is required' }).trim().regex(/^[a-z0-9_-]{1,40}$/, 'An id is 1–40 lower-case letters, digits, - or _');
const name = z.string({ error: 'A name is required' }).trim().min(1, 'A name must not be empty').max(60, 'A name is at most 60 characters');

export const loyaltyTierSchema = z.object({
  id,
  name,
  /** Points (lifetime, or earned within the window) or spend (in the shop's currency) to reach it. */
  threshold: z.number({ error: 'A threshold must be a number' }).min(0, 'A threshold must be 0 or more').max(100_000_000, 'A threshold is at most 100,000,000'),
  /** What members of the tier get, in the shop's words (shown on My rewards and in merge data). */
  benefits: z.string().trim().max(500, 'Benefits are at most 500 characters').default(''),
});
export type LoyaltyTier = z.output<typeof loyaltyTierSchema>;

export const loyaltyRewardSchema = z.object({
  id,
  name,
  /** What the reward costs. */
  points: points.min(1, 'A reward costs at least 1 point'),
  /** The coupon a redemption issues (the same kinds an Issue coupon step issues). */
  coupon: z.object({
    kind: z.enum(['percent', 'fixed', 'free_shipping'], { error: 'The coupon kind must be percent, fixed or free_shipping' }),
    /** Percent off, or the amount off in the shop's currency; 0 for free shipping. */
    value: z.number({ error: 'The coupon value must be a number' }).min(0, 'The coupon value must be 0 or more').max(1_000_000, 'The coupon value is at most 1,000,000'),
    minOrderTotal: z.number({ error: 'The minimum order must be a number' }).min(0, 'The minimum order must be 0 or more').default(0),
    /** Days the coupon stays valid after the redemption; 0 means it never expires. */
    validDays: z.number({ error: 'Validity must be a number of days' }).int('Validity is a whole number of days').min(0, 'Validity must be 0 or more days').max(3650, 'Validity is at most 3650 days').default(30),
  }).refine((c) => c.kind !== 'percent' || (c.value > 0 && c.value <= 100), { message: 'A percent coupon takes 1–100 percent off', path: ['value'] }),
  enabled: z.boolean().default(true),
});
export type LoyaltyReward = z.output<typeof loyaltyRewardSchema>;

export const DEFAULT_LOYALTY_TIERS: LoyaltyTier[] = [
  { id: 'bronze', name: 'Bronze', threshold: 0, benefits: '' },
  { id: 'silver', name: 'Silver', threshold: 500, benefits: '' },
  { id: 'gold', name: 'Gold', threshold: 1_500, benefits: '' },
  { id: 'platinum', name: 'Platinum', threshold: 5_000, benefits: '' },
];

const uniqueIds = (list: { id: string }[]) => new Set(list.map((x) => x.id)).size === list.length;

export const loyaltySettingsSchema = z.object({
  earning: z.object({
    /** Points per unit of the order's currency on a completed order; reversed on refund, in proportion. */
    orders: z.object({
      enabled: z.boolean({ error: 'enabled must be true or false' }),
      pointsPerUnit: z.number({ error: 'Points per unit must be a number' }).min(0, 'Points per unit must be 0 or more').max(10_000, 'Points per unit are at most 10,000'),
    }).default({ enabled: true, pointsPerUnit: 1 }),
    /** For a customer's first review of a product (a resubmission earns nothing more). */
    review: rule(50),
    /** For the referrer, when a referral completes. */
    referral: rule(200),
    /** On the customer's birthday, once a year. */
    birthday: rule(100),
    /** When the customer signs up (a Signed Up event, once per customer). */
    signUp: rule(100),
  }).default({
    orders: { enabled: true, pointsPerUnit: 1 },
    review: { enabled: false, points: 50 }, referral: { enabled: false, points: 200 },
    birthday: { enabled: false, points: 100 }, signUp: { enabled: false, points: 100 },
  }),
  tiers: z.object({
    /** 'points': points earned (spent ones included, so spending never demotes); 'spend': money spent on orders. */
    basis: z.enum(['points', 'spend'], { error: 'The tier basis must be points or spend' }).default('points'),
    /** Only what was earned or spent in the last N days counts; 0 means since the first order. */
    windowDays: z.number({ error: 'The window must be a number of days' }).int('The window is a whole number of days')
      .min(0, 'The window must be 0 (lifetime) or more days').max(3650, 'The window is at most 3650 days').default(0),
    /** Lowest first; the first starts at 0, so every member is in a tier. */
    list: z.array(loyaltyTierSchema).min(1, 'Keep at least one tier').max(10, 'At most 10 tiers')
      .refine(uniqueIds, 'Each tier needs its own id')
      .refine((l) => l[0]?.threshold === 0, 'The first tier starts at 0')
      .refine((l) => l.every((t, i) => i === 0 || t.threshold > l[i - 1].threshold), 'Each tier needs a higher threshold than the one before')
      .default(DEFAULT_LOYALTY_TIERS),
  }).default({ basis: 'points', windowDays: 0, list: DEFAULT_LOYALTY_TIERS }),
  /** What points buy on My rewards or through the API. */
  rewards: z.array(loyaltyRewardSchema).max(20, 'At most 20 rewards').refine(uniqueIds, 'Each reward needs its own id').default([]),
  /** Points balances that cross one of these fire a Points Milestone Reached event. */
  milestones: z.array(points.min(1, 'A milestone is at least 1 point')).max(20, 'At most 20 milestones')
    .transform((l) => [...new Set(l)].sort((a, b) => a - b)).default([]),
  expiry: z.object({
    enabled: z.boolean({ error: 'enabled must be true or false' }),
    /** Unused points expire after this many months without earning or redeeming. */
    monthsInactive: z.number({ error: 'Months must be a number' }).int('Months are a whole number').min(1, 'At least 1 month').max(120, 'At most 120 months'),
    /** A Points Expiring event this many days before, so a journey can remind the customer. */
    remindDaysBefore: z.number({ error: 'Days must be a number' }).int('Days are a whole number').min(1, 'At least 1 day').max(90, 'At most 90 days'),
  }).default({ enabled: false, monthsInactive: 12, remindDaysBefore: 14 }),
});
export type LoyaltySettings = z.output<typeof loyaltySettingsSchema>;

/** Settings as stored may predate a field or be hand-edited: read with the defaults, never fail on them. */
export function readLoyaltySettings(raw: unknown): LoyaltySettings {
  const parsed = loyaltySettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : loyaltySettingsSchema.parse({});
}

/**
 * Events Afterglow itself derives for the loyalty programme and referrals, stored through
 * ingestion like any other so journeys start on them with Trigger on event (and its filters).
 */
export const LOYALTY_EVENTS = {
  /** properties: from_tier, to_tier (ids), from_tier_name, to_tier_name, direction 'up' | 'down' */
  tierChanged: 'Loyalty Tier Changed',
  /** properties: milestone, points */
  milestone: 'Points Milestone Reached',
  /** properties: points, expires_at, days_left */
  expiring: 'Points Expiring',
  /** properties: points */
  expired: 'Points Expired',
  /** properties: reward_id, reward_name, points, coupon_code */
  redeemed: 'Reward Redeemed',
  /** properties: role 'referrer' | 'friend', referrer_id, friend_id, order_id, code */
  referralCompleted: 'Referral Completed',
} as const;
