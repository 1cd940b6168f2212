// When the customer will probably buy again, per product and category they bought, as the
// Replenishment wait predicts it: the date and the rule that made it (their own rhythm, the
// product's or the category's buying cycle). Past dates read as overdue.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Badge, ErrorNote } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { Section } from './CustomerPage';
import { day } from './format';

export function CustomerReplenishment({ id }: { id: string }) {
  const trpc = useTRPC();
  const { t } = useTranslation('replenishment');
  const locale = useLocale();
  const predictions = useQuery(trpc.customers.replenishment.queryOptions({ id }));
  const now = Date.now();
  return (
    <Section title={t('customer.title')}>
      {predictions.isError ? <ErrorNote error={predictions.error} /> : !predictions.data ? null : predictions.data.length === 0
        ? <p className="text-sm text-slate-400">{t('customer.none')}</p> : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="customer-replenishment">
            {predictions.data.map((p) => {
              const overdue = Date.parse(p.predictedAt) <= now;
              return (
                <li key={`${p.what}:${p.value}`} className="py-2">
                  <div className="flex items-center justify-between gap-2">
                    <span className="min-w-0 truncate text-slate-800" title={p.name}>{p.name}</span>
                    <Badge tone={p.what === 'product' ? 'info' : 'draft'} className="shrink-0">{t(`customer.kind.${p.what}`)}</Badge>
                  </div>
                  <div className={overdue ? 'font-medium text-rose-600' : 'text-slate-700'}>
                    {t(overdue ? 'customer.overdue' : 'customer.due', { date: day(locale, p.predictedAt) })}
                  </div>
                  <div className="text-xs text-slate-400">{t(`customer.rule.${p.rule}`, { days: p.days })}</div>
                </li>
              );
            })}
          </ul>
        )}
    </Section>
  );
}
