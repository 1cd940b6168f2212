// The ten largest balances: who they are (a link to the customer page), tier, balance, lifetime points.
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { Card } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { points, type LoyaltyAnalytics } from './format';

export function TopCustomers({ data }: { data: LoyaltyAnalytics }) {
  const { t } = useTranslation('loyalty-analytics');
  const locale = useLocale();
  return (
    <Card className="overflow-hidden">
      <h2 className="px-4 pt-4 text-sm font-semibold text-slate-900">{t('top.title')}</h2>
      {data.top.length === 0 ? <p className="p-4 text-sm text-slate-500">{t('top.empty')}</p> : (
        <table className="mt-2 w-full text-sm" data-testid="top-customers">
          <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">{t('top.customer')}</th>
              <th scope="col" className="px-4 py-2">{t('top.tier')}</th>
              <th scope="col" className="px-4 py-2 text-right">{t('top.balance')}</th>
              <th scope="col" className="px-4 py-2 text-right">{t('top.lifetime')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.top.map((m) => (
              <tr key={m.id}>
                <td className="px-4 py-2">
                  <Link to={`/customers/${encodeURIComponent(m.id)}`} className="font-medium text-violet-700 hover:underline">{m.name ?? m.email ?? m.id}</Link>
                  {m.name && m.email && <div className="text-xs text-slate-500">{m.email}</div>}
                </td>
                <td className="px-4 py-2 text-slate-700">{m.tierName ?? t('chart.removedTier')}</td>
                <td className="px-4 py-2 text-right tabular-nums font-medium text-slate-900">{points(locale, m.balance)}</td>
                <td className="px-4 py-2 text-right tabular-nums text-slate-600">{points(locale, m.lifetime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
