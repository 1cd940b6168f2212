// The journeys that brought in the most, and those that did worst for the customers they took in
// (lowest revenue per entrant, then conversion rate), each linking to its report. The CSV of
// either holds every journey active in the period.
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useLocale } from '../ui/locale';
import { count, money, percent } from './format';
import { Section } from './Section';
import type { Dashboard, JourneyRow } from './types';

const LISTED = 5;

function worstJourneys(journeys: JourneyRow[], top: JourneyRow[]): JourneyRow[] {
  return journeys.filter((j) => j.entries > 0 && !top.includes(j))
    .sort((a, b) => (a.revenuePerEntrant ?? 0) - (b.revenuePerEntrant ?? 0) || (a.conversionRate ?? 0) - (b.conversionRate ?? 0))
    .slice(0, LISTED);
}

function Table({ rows, testId }: { rows: JourneyRow[]; testId: string }) {
  const { t } = useTranslation('dashboard');
  const locale = useLocale();
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th className="py-1 font-medium">{t('journeys.name')}</th>
          <th className="py-1 text-right font-medium">{t('journeys.entries')}</th>
          <th className="py-1 text-right font-medium">{t('journeys.conversionRate')}</th>
          <th className="py-1 text-right font-medium">{t('journeys.revenue')}</th>
          <th className="py-1 text-right font-medium">{t('journeys.perEntrant')}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((j) => (
          <tr key={j.journeyId}>
            <td className="max-w-48 truncate py-1.5"><Link to={`/journeys/${j.journeyId}/report`} className="text-violet-700 hover:underline">{j.name}</Link></td>
            <td className="py-1.5 text-right tabular-nums">{count(locale, j.entries)}</td>
            <td className="py-1.5 text-right tabular-nums">{percent(locale, j.conversionRate)}</td>
            <td className="py-1.5 text-right tabular-nums">{money(locale, j.revenue)}</td>
            <td className="py-1.5 text-right tabular-nums">{j.revenuePerEntrant === null ? '–' : money(locale, j.revenuePerEntrant)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function JourneyTables({ data }: { data: Dashboard }) {
  const { t } = useTranslation('dashboard');
  const top = data.journeys.slice(0, LISTED);
  const worst = worstJourneys(data.journeys, top);
  const csv = (rows: JourneyRow[]) => () => ({
    header: [t('journeys.name'), t('journeys.status'), t('journeys.entries'), t('journeys.conversions'), t('journeys.conversionRate'),
      t('journeys.revenue'), t('journeys.perEntrant')],
    rows: rows.map((j) => [j.name, j.status, j.entries, j.conversions, j.conversionRate, j.revenue, j.revenuePerEntrant]),
  });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title={t('journeys.top')} csv={{ filename: 'journeys', table: csv(data.journeys) }}>
        {top.length === 0 ? <p className="text-sm text-slate-500">{t('journeys.none')}</p> : <Table rows={top} testId="top-journeys" />}
      </Section>
      <Section title={t('journeys.worst')} note={t('journeys.worstNote')} csv={{ filename: 'journeys-worst', table: csv(worst) }}>
        {worst.length === 0 ? <p className="text-sm text-slate-500">{t('journeys.noWorst')}</p> : <Table rows={worst} testId="worst-journeys" />}
      </Section>
    </div>
  );
}
