// The frequency cap and quiet hours in sentences: how many sends went out, how many customers the
// cap would have stopped or held (and how many because live journeys had already written to them).
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/locale';
import { count } from '../report/format';
import type { SimulationResult } from './types';

export function SendPolicyWords({ policy }: { policy: SimulationResult['sendPolicy'] }) {
  const { t } = useTranslation('simulation');
  const locale = useLocale();
  const n = (v: number) => count(locale, v);
  const lines = [
    t('policy.sent', { count: policy.sent, n: n(policy.sent) }),
    policy.cappedByLiveSends > 0 && t('policy.cappedByLive', { count: policy.cappedByLiveSends, n: n(policy.cappedByLiveSends) }),
    policy.cappedSkipped > 0 && t('policy.cappedSkipped', { count: policy.cappedSkipped, n: n(policy.cappedSkipped) }),
    policy.cappedHeld > 0 && t('policy.cappedHeld', { count: policy.cappedHeld, n: n(policy.cappedHeld) }),
    policy.quietHoursHeld > 0 && t('policy.quietHours', { count: policy.quietHoursHeld, n: n(policy.quietHoursHeld) }),
    t('policy.liveSends', { count: policy.liveSendsSeen, n: n(policy.liveSendsSeen) }),
  ].filter((l): l is string => !!l);
  return <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="simulation-policy">{lines.map((l) => <li key={l}>{l}</li>)}</ul>;
}
