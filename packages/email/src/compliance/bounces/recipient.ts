// One recipient as a report tells of it, and the reading every reader shares: the address
// out of a DSN field, the facts classified into a reason with hard or soft.
import { classifyBounce, type BounceFacts } from './classify';
import type { BounceReason } from './reasons';

export interface RecipientReport {
  address: string | null;
  action: string | null;
  status: string | null;
  replyCode: string | null;
  diagnostic: string;
  reason: BounceReason;
  hard: boolean;
  feedbackType: string | null;
}

/** "rfc822; Ada@Example.org" or "<ada@example.org>" → "ada@example.org". */
export const addressOf = (value: string | undefined | null): string | null => {
  const bare = value?.replace(/^\s*rfc822\s*;/i, '').trim().replace(/^<|>$/g, '').trim().toLowerCase();
  return bare && /^[^\s@<>]+@[^\s@<>]+$/.test(bare) ? bare : null;
};

export function fromFacts(address: string | null, facts: BounceFacts, reason: BounceReason | null): RecipientReport {
  const classified = reason ? { reason, hard: false } : classifyBounce(facts);
  return {
    address, action: facts.action ?? null, status: facts.status ?? null, replyCode: facts.replyCode ?? null,
    diagnostic: (facts.diagnostic ?? '').slice(0, 2_000), feedbackType: facts.feedbackType ?? null, ...classified,
  };
}

