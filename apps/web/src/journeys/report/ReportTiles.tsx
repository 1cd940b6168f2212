// The period's totals: entries, conversions and their rate, attributed revenue and per entrant, emails.
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { count, money, percent } from './format';
import type { JourneyReport } from './types';

export function ReportTiles({ totals }: { totals: JourneyReport['series'][number]['totals'] }) {
  const { t } = useTranslation('journey-report');
  const locale = useLocale();
  const tiles: [string, string][] = [
    ['entries', count(locale, totals.entries)],
    ['conversions', count(locale, totals.conversions)],
    ['conversionRate', percent(locale, totals.conversionRate)],
    ['revenue', money(locale, totals.revenue)],
    ['revenuePerEntrant', totals.revenuePerEntrant === null ? '–' : money(locale, totals.revenuePerEntrant)],
    ['sent', count(locale, totals.sent)],
    ['opened', count(locale, totals.opened)],
    ['clicked', count(locale, totals.clicked)],
    ['unsubscribed', count(locale, totals.unsubscribed)],
  ];
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="report-tiles">
      {tiles.map(([key, value]) => (
        <Card key={key} className="p-3">
          <div className="text-xs font-medium text-slate-500">{t(`figure.${key}`)}</div>
          <div className="mt-1 text-xl font-semibold text-slate-900">{value}</div>
        </Card>
      ))}
    </div>
  );
}
