// The Loyalty page's period: the last 30, 90 or 365 days up to now, cut into days, ISO weeks
// (Monday first) or calendar months of the shop's time zone (Settings > Your shop; UTC when unset);
// the first and the last bucket may be partial (the period starts and ends mid-bucket).
import { z } from 'zod';

export const ANALYTICS_DAYS = [30, 90, 365] as const;
export const ANALYTICS_BUCKETS = ['day', 'week', 'month'] as const;
export type AnalyticsBucket = (typeof ANALYTICS_BUCKETS)[number];

export const loyaltyAnalyticsInput = z.object({
  days: z.literal(ANALYTICS_DAYS, { error: 'The period is 30, 90 or 365 days' }).default(30),
  bucket: z.enum(ANALYTICS_BUCKETS, { error: 'Group by day, week or month' }).default('day'),
});
export type LoyaltyAnalyticsInput = z.output<typeof loyaltyAnalyticsInput>;

export interface AnalyticsPeriod {
  /** Exclusive: entries after this instant count. */
  from: Date;
  /** Inclusive: entries up to now count (later ones, dated ahead, do not). */
  to: Date;
  bucket: AnalyticsBucket;
  /** The shop's IANA zone, whose midnights start the buckets. */
  timeZone: string;
}

const DAY_MS = 86_400_000;

export const periodOf = (input: LoyaltyAnalyticsInput, now: Date, timeZone: string): AnalyticsPeriod =>
  ({ from: new Date(now.getTime() - input.days * DAY_MS), to: now, bucket: input.bucket, timeZone });
