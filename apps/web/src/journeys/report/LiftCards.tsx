// Treated vs held out (the journey's own holdout, each Holdout step) and A/B arms: each group's
// conversion rate and revenue per customer, the difference with its 95% interval, and plainly
// whether the sample is big enough (docs/analytics.md says how each figure is computed). A
// marketer can make an arm of a live A/B split the winner.
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { Card } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { count, money, percent, points, signedMoney } from './format';
import type { Experiment } from './types';
import { WinnerAction } from './WinnerAction';

function Verdict({ c }: { c: Experiment['comparisons'][number] }) {
  const { t } = useTranslation('journey-report');
  const locale = useLocale();
  if (c.significant) return <p className="text-xs font-medium text-emerald-700">{t('lift.clear')}</p>;
  if (c.moreNeeded === null) return <p className="text-xs text-slate-500">{t('lift.noDifference')}</p>;
  if (c.moreNeeded === 0) return <p className="text-xs text-slate-500">{t('lift.enoughNoClear')}</p>;
  return <p className="text-xs font-medium text-amber-700" data-testid="lift-too-small">{t('lift.tooSmall', { count: c.moreNeeded, n: count(locale, c.moreNeeded) })}</p>;
}

export function LiftCard({ experiment, stepLabel, journeyId }: { experiment: Experiment; stepLabel: string; journeyId: string }) {
  const { t } = useTranslation('journey-report');
  const locale = useLocale();
  const can = useCan();
  const splitNode = experiment.kind === 'ab' && experiment.inLiveVersion && can('journeys.makeWinner') ? experiment.nodeId : null;
  const name = (id: string) => {
    if (experiment.kind !== 'ab') return id === 'in' ? t('lift.treated') : t('lift.heldOut');
    return experiment.groups.find((g) => g.id === id)?.name ?? t('lift.removedArm');
  };
  return (
    <div data-testid={experiment.kind === 'journey' ? 'lift-card-journey' : 'lift-card'}><Card className="p-4">
      <h3 className="text-sm font-semibold text-slate-900">{stepLabel}</h3>
      <table className="mt-2 w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="py-1 font-medium">{t('lift.group')}</th>
            <th className="py-1 text-right font-medium">{t('lift.customers')}</th>
            <th className="py-1 text-right font-medium">{t('figure.conversionRate')}</th>
            <th className="py-1 text-right font-medium">{t('lift.revenuePerCustomer')}</th>
            {splitNode && <th className="py-1" />}
          </tr>
        </thead>
        <tbody>
          {experiment.groups.map((g) => (
            <tr key={g.id}>
              <td className="py-1 text-slate-700">{name(g.id)}</td>
              <td className="py-1 text-right tabular-nums">{count(locale, g.customers)}</td>
              <td className="py-1 text-right tabular-nums">{percent(locale, g.rate)}</td>
              <td className="py-1 text-right tabular-nums">{g.revenuePerCustomer === null ? '–' : money(locale, g.revenuePerCustomer)}</td>
              {splitNode && (
                <td className="py-1 pl-2 text-right">
                  {g.name !== null && <WinnerAction journeyId={journeyId} nodeId={splitNode} armId={g.id} armName={g.name} />}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {experiment.comparisons.map((c) => (
        <div key={c.group} className="mt-3 space-y-1 rounded-lg bg-slate-50 p-3 text-xs text-slate-700">
          <p className="font-medium">{t('lift.versus', { group: name(c.group), baseline: name(c.baseline) })}</p>
          {c.rate && (
            <p>{t('lift.rateDiff', { d: points(locale, c.rate.estimate), low: points(locale, c.rate.low), high: points(locale, c.rate.high) })}</p>
          )}
          {c.revenuePerCustomer && (
            <p>{t('lift.revenueDiff', {
              d: signedMoney(locale, c.revenuePerCustomer.estimate), low: signedMoney(locale, c.revenuePerCustomer.low),
              high: signedMoney(locale, c.revenuePerCustomer.high),
            })}</p>
          )}
          <Verdict c={c} />
        </div>
      ))}
    </Card></div>
  );
}
