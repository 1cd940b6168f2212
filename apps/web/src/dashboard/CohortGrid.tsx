// Repeat purchase by first-order cohort: a row per month of first order (the last twelve), a
// column per month since, each cell the share who had ordered again by then, shaded by it.
import { useTranslation } from 'react-i18next';
import { useLocale } from '../ui/locale';
import { count, percent, utcMonth } from './format';
import { Section } from './Section';
import type { Dashboard } from './types';

const shade = (share: number) => `rgba(124, 58, 237, ${Math.min(0.08 + share * 1.2, 0.85)})`;

export function CohortGrid({ data }: { data: Dashboard }) {
  const { t } = useTranslation('dashboard');
  const locale = useLocale();
  const months = data.cohorts[0]?.repeat.map((_, k) => k + 1) ?? [];
  const csv = () => ({
    header: [t('cohorts.month'), t('cohorts.customers'), ...months.map((k) => t('cohorts.within', { count: k }))],
    rows: data.cohorts.map((c) => [c.month, c.customers, ...c.repeat]),
  });
  return (
    <Section title={t('cohorts.title')} note={t('cohorts.note')} csv={{ filename: 'repeat-purchase-cohorts', table: csv }}>
      {data.cohorts.length === 0 ? <p className="text-sm text-slate-500">{t('cohorts.none')}</p> : (
        <div className="overflow-x-auto">
          <table className="w-full text-xs" data-testid="cohort-grid">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="py-1 pr-2 font-medium">{t('cohorts.month')}</th>
                <th className="py-1 pr-2 text-right font-medium">{t('cohorts.customers')}</th>
                {months.map((k) => <th key={k} className="px-1 py-1 text-center font-medium" title={t('cohorts.within', { count: k })}>{k}</th>)}
              </tr>
            </thead>
            <tbody>
              {data.cohorts.map((c) => (
                <tr key={c.month}>
                  <th className="whitespace-nowrap py-0.5 pr-2 text-left font-medium text-slate-700">{utcMonth(locale, c.month)}</th>
                  <td className="py-0.5 pr-2 text-right tabular-nums">{count(locale, c.customers)}</td>
                  {c.repeat.map((share, k) => (
                    <td key={k} className="px-0.5 py-0.5">
                      {share === null ? <div className="h-6" /> : (
                        <div className="rounded px-1 py-1 text-center tabular-nums text-slate-900" style={{ background: shade(share) }}>{percent(locale, share)}</div>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">{t('cohorts.axis')}</p>
        </div>
      )}
    </Section>
  );
}
