export { createLoyaltyApiHandler, LOYALTY_API_PREFIX } from './http';
export { redeemReward, RedemptionRefused, type Redemption, type RedeemRequest, type RedemptionRefusalReason } from './redeem';
export { runRedemption, type RedeemDeps } from './redeem-run';
export { loyaltySummary, type LoyaltySummary } from './summary';
