// A refused redemption as each caller says it: staff get a coded domain error in their language
// (tRPC), the shop's backend an HTTP status with the reason (REST). Unknown things are 404; a
// reward switched off or a balance short of its cost is a 409 (the request was fine, the state
// says no).
import { DomainError } from '../journeys/errors';
import { text } from '../i18n/catalogue';
import type { RedemptionRefusalReason, RedemptionRefused } from './redeem';

export const REFUSAL_STATUS: Record<RedemptionRefusalReason, 404 | 409> = {
  unknown_customer: 404, unknown_reward: 404, reward_disabled: 409, insufficient_points: 409,
};

export function refusalAsDomainError(refused: RedemptionRefused): DomainError {
  const { customerId, rewardId, balance = 0, cost = 0 } = refused.detail;
  switch (refused.reason) {
    case 'unknown_customer': return new DomainError('NOT_FOUND', text('notFound.customer', { id: customerId }), 'customerId');
    case 'unknown_reward': return new DomainError('NOT_FOUND', text('notFound.reward', { id: rewardId }), 'rewardId');
    case 'reward_disabled': return new DomainError('CONFLICT', text('loyalty.rewardDisabled', { id: rewardId }), 'rewardId');
    case 'insufficient_points': return new DomainError('CONFLICT', text('loyalty.insufficientPoints', { balance, cost }), 'rewardId');
  }
}
