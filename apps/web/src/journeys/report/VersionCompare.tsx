// Two published versions' figures over the period side by side: each figure a row, each version
// a column, so a manager sees what a change to the journey did (the charts show the same by day).
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { count, money, percent } from './format';
import type { JourneyReport } from './types';

type Totals = JourneyReport['series'][number]['totals'];

export function VersionCompare({ report }: { report: JourneyReport }) {
  const { t } = useTranslation('journey-report');
  const locale = useLocale();
  const shown = (f: keyof Totals, totals: Totals): string => {
    const v = totals[f];
    if (f === 'conversionRate') return percent(locale, v);
    if (f === 'revenue' || f === 'revenuePerEntrant') return v === null ? '–' : money(locale, v);
    return count(locale, v ?? 0);
  };
  const figures: (keyof Totals)[] = ['entries', 'conversions', 'conversionRate', 'revenue', 'revenuePerEntrant', 'sent', 'opened', 'clicked', 'unsubscribed'];
  const versionOf = (id: string | null) => report.versions.find((v) => v.id === id)?.version ?? 0;
  return (
    <Card className="overflow-x-auto p-4">
      <table className="w-full text-sm" data-testid="version-compare">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="py-1 font-medium">{t('versions.figure')}</th>
            {report.series.map((s) => (
              <th key={s.versionId} className="py-1 text-right font-medium">{t('versions.version', { version: versionOf(s.versionId) })}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {figures.map((f) => (
            <tr key={f}>
              <td className="py-1.5 text-slate-600">{t(`figure.${f}`)}</td>
              {report.series.map((s) => <td key={s.versionId} className="py-1.5 text-right font-semibold tabular-nums text-slate-900">{shown(f, s.totals)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
