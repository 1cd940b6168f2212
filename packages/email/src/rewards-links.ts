// The link to a customer's hosted My rewards page (/w/:token): signed for one customer of one
// workspace, valid for REWARDS_LINK_DAYS from when the email is rendered. The link spends points
// (the page redeems rewards), so it expires like the review page's; every email carries a fresh one.
import { signToken } from './compliance/tokens';
import type { ReviewLinkScope } from './review-links';

export const REWARDS_LINK_DAYS = 90;

export function rewardsPageUrl({ publicUrl, secret, workspaceId, customerId, now }: ReviewLinkScope): string {
  const x = Math.floor(now.getTime() / 1000) + REWARDS_LINK_DAYS * 86_400;
  return `${publicUrl.replace(/\/+$/, '')}/w/${signToken(secret, { t: 'w', w: workspaceId, c: customerId, x })}`;
}
