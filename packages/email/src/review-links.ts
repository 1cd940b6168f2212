// Links to the hosted review page: one signed token per order of a customer, valid for
// REVIEW_LINK_DAYS from when the email is rendered (a request sent weeks after delivery still
// gives the customer two months to answer). The page (packages/api/src/public/reviews) checks
// the signature with the workspace's secret, then the expiry with its clock.
import { signToken } from './compliance/tokens';

export const REVIEW_LINK_DAYS = 60;

/** The hosted review page of an order, and of one product of it (listed first there). */
export type ReviewPageLink = (orderId: string, productId?: string) => string;

export interface ReviewLinkScope {
  /** Base of the app's public links (AFTERGLOW_PUBLIC_URL). */
  publicUrl: string;
  /** The workspace's signing secret, opened. */
  secret: string;
  workspaceId: string;
  customerId: string;
  now: Date;
}

export function reviewPageLinks({ publicUrl, secret, workspaceId, customerId, now }: ReviewLinkScope): ReviewPageLink {
  const base = publicUrl.replace(/\/+$/, '');
  const x = Math.floor(now.getTime() / 1000) + REVIEW_LINK_DAYS * 86_400;
  const tokens = new Map<string, string>();
  return (orderId, productId) => {
    let token = tokens.get(orderId);
    if (!token) tokens.set(orderId, token = signToken(secret, { t: 'r', w: workspaceId, c: customerId, o: orderId, x }));
    return `${base}/r/${token}${productId ? `?product=${encodeURIComponent(productId)}` : ''}`;
  };
}
