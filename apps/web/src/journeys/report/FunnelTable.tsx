// The path funnel: at each step with more than one way out, how many runs took each branch and
// what the steps only that branch leads to brought in (the version's whole life). "Who is here"
// lists the customers at the step now or who went on from it (the run explorer, as on the canvas).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { Card } from '../../ui/kit';
import { StepRunsPanel } from '../runs/StepRunsPanel';
import { useLocale } from '../../ui/locale';
import { count, money, percent } from './format';
import { stepWords } from './stepWords';
import type { JourneyReport } from './types';

type Funnel = NonNullable<JourneyReport['funnel']>;

export function FunnelTable({ funnel, journeyId }: { funnel: Funnel; journeyId: string }) {
  const { t } = useTranslation('journey-report');
  const locale = useLocale();
  const mayList = useCan()('journeys.stepCustomers');
  const [listed, setListed] = useState<{ nodeId: string; name: string } | null>(null);
  return (
    <Card className="p-4">
      <h2 className="text-sm font-semibold text-slate-900">{t('funnel.title')}</h2>
      <p className="mb-3 text-xs text-slate-500">{t('funnel.note')}</p>
      {funnel.steps.length === 0 ? <p className="text-sm text-slate-500">{t('funnel.none')}</p> : (
        <table className="w-full text-sm" data-testid="funnel-table">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="py-1 font-medium">{t('funnel.branch')}</th>
              <th className="py-1 text-right font-medium">{t('funnel.runs')}</th>
              <th className="py-1 text-right font-medium">{t('figure.conversions')}</th>
              <th className="py-1 text-right font-medium">{t('figure.conversionRate')}</th>
              <th className="py-1 text-right font-medium">{t('figure.revenue')}</th>
            </tr>
          </thead>
          {funnel.steps.map((step) => {
            const words = stepWords(step, locale);
            return (
              <tbody key={step.nodeId} className="border-t border-slate-100">
                <tr>
                  <th colSpan={5} className="pt-2 text-left text-xs font-semibold text-slate-700">
                    {words.label}
                    {mayList && (
                      <button type="button" onClick={() => setListed({ nodeId: step.nodeId, name: words.label })} data-testid={`funnel-who-${step.nodeId}`}
                        className="ml-2 font-medium text-violet-700 hover:underline">{t('funnel.whoIsHere')}</button>
                    )}
                  </th>
                </tr>
                {step.branches.map((b) => (
                  <tr key={b.branch}>
                    <td className="py-1 pl-3 text-slate-700">{words.branch(b.branch)}</td>
                    <td className="py-1 text-right tabular-nums">{count(locale, b.runs)}</td>
                    <td className="py-1 text-right tabular-nums">{count(locale, b.conversions)}</td>
                    <td className="py-1 text-right tabular-nums">{percent(locale, b.conversionRate)}</td>
                    <td className="py-1 text-right tabular-nums">{money(locale, b.revenue)}</td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      )}
      {listed && <StepRunsPanel journeyId={journeyId} nodeId={listed.nodeId} stepName={listed.name} onClose={() => setListed(null)} />}
    </Card>
  );
}
