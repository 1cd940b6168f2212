// Why an address is suppressed, in the reader's language: "Hard bounce: mailbox does not exist",
// "Soft bounces: 3 × mailbox full in 9 days", "Complaint". From the suppression's facts (the
// bounce reason codes the webhook stored); shared by the Settings list and the customer page.
import { useTranslation } from 'react-i18next';

export interface SuppressionReasonFacts {
  reason: string;
  facts: { reason?: string; count?: number; days?: number; reasons?: Record<string, number> } | null;
}

export function useSuppressionWhy(): (suppression: SuppressionReasonFacts) => string {
  const { t } = useTranslation('settings');
  const bounce = (code: string) => t(`bounce.reason.${code}`, { defaultValue: code.replace(/_/g, ' ') });
  return ({ reason, facts }) => {
    if (reason === 'hard_bounce' && facts?.reason) return t('consent.why.hard_bounce', { reason: bounce(facts.reason) });
    if (reason === 'soft_bounce' && facts?.reasons) {
      const reasons = Object.entries(facts.reasons).map(([code, count]) => t('consent.why.times', { count, reason: bounce(code) })).join(', ');
      return t('consent.why.soft_bounce', { reasons, days: facts.days ?? 1 });
    }
    return t(`consent.reason.${reason}`, { defaultValue: reason });
  };
}
