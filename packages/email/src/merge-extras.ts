// The merge data that needs the shop's database (loyalty, recommendations) or the run
// (coupon), next to what the trigger event already carries. Kept apart from merge-data.ts
// so rendering without a database (tests, the bench) needs none of it.
import { defaultTierSettings } from '@afterglow/db';
import { loyaltyStatus, type LoyaltyStatus } from './loyalty';

export interface MergeRecommendation {
  productId: string;
  name: string;
  category: string;
  price: number;
  imageUrl: string;
  url: string;
  /** How many orders contained it together with one of the seed items. */
  boughtTogether: number;
}

export interface MergeCoupon {
  code: string;
  description: string;
  /** ISO date-time, '' when it never expires: {{ coupon.expiresAt | date: "%-d %B %Y" }}. */
  expiresAt: string;
}

export interface MergeExtras {
  loyalty: LoyaltyStatus;
  /** Frequently bought together with the order's items (or the customer's latest order's). */
  recommendations: MergeRecommendation[];
  /** The coupon issued earlier in the run, null when none was. */
  coupon: MergeCoupon | null;
}

/** No loyalty data: the lowest of the default tiers, no points. */
export const noLoyalty = (): LoyaltyStatus => loyaltyStatus(0, 0, defaultTierSettings(), { index: 0, measure: 0 });

export const emptyExtras = (): MergeExtras => ({ loyalty: noLoyalty(), recommendations: [], coupon: null });

/** A coupon stored in the run's context by an earlier node ({ code, description?, expiresAt? }). */
export function couponFromContext(context: Record<string, unknown> | undefined): MergeCoupon | null {
  const raw = context?.coupon as { code?: unknown; description?: unknown; expiresAt?: unknown } | undefined;
  if (!raw || typeof raw.code !== 'string' || raw.code === '') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { code: raw.code, description: text(raw.description), expiresAt: text(raw.expiresAt) };
}

/** The customer's own referral code and the link that carries it, for customer.referralCode and customer.referralUrl. */
export interface MergeReferral { code: string; url: string }

/** The public referral link of a code (/ref/:workspace/:code on the app's public address). */
export function referralUrl(publicUrl: string, workspaceId: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/ref/${encodeURIComponent(workspaceId)}/${encodeURIComponent(code)}`;
}

/** The link a "rate this" button points at: the shop's review form for one product of one order. */
export function reviewUrl(shopUrl: string, productId: string, orderId: string): string {
  const base = shopUrl.replace(/\/+$/, '');
  return `${base}/products/${encodeURIComponent(productId)}/review?order=${encodeURIComponent(orderId)}`;
}
