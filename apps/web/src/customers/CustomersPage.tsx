import { formatNumber } from '@afterglow/i18n';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Card, EmptyState, ErrorNote, PageHeader, Spinner } from '../ui/kit';
import { customerLanguageName } from '../ui/languageNames';
import { useLocale } from '../ui/locale';
import { ListControls, Pager, usePaging } from '../ui/Pager';

const PAGE = 50;

export function CustomersPage() {
  const trpc = useTRPC();
  const { t } = useTranslation('customers');
  const locale = useLocale();
  const paging = usePaging<'id' | 'newest' | 'name'>('id', PAGE);
  const { term } = paging;
  const sorts = (['id', 'newest', 'name'] as const).map((value) => ({ value, label: t(`list.sort.${value}`) }));
  const customers = useQuery({
    ...trpc.customers.list.queryOptions(paging.input),
    placeholderData: keepPreviousData,
  });
  const rows = customers.data?.items ?? [];
  return (
    <div className="mx-auto max-w-6xl p-8">
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} />
      <ListControls paging={paging} sorts={sorts} searchLabel={t('list.search')} placeholder={t('list.searchPlaceholder')} />
      {customers.isPending && <Spinner />}
      {customers.isError && <ErrorNote error={customers.error} />}
      {customers.data && rows.length === 0 && (
        <EmptyState icon="customers" title={term ? t('list.noMatch') : t('list.none')}>
          {term ? t('list.noMatchBody', { term }) : t('list.noneBody')}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <Card className="overflow-hidden">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-3">{t('column.customer')}</th><th className="px-5 py-3">{t('column.email')}</th>
                <th className="px-5 py-3">{t('column.language')}</th>
                <th className="px-5 py-3 text-right">{t('column.orders')}</th><th className="px-5 py-3 text-right">{t('column.id')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((c) => (
                <tr key={c.id} className="hover:bg-slate-50">
                  <td className="px-5 py-2.5">
                    <Link to={`/customers/${c.id}`} className="font-medium text-slate-900 hover:text-violet-700">
                      {[c.firstName, c.lastName].filter(Boolean).join(' ') || t('unnamed')}
                    </Link>
                  </td>
                  <td className="px-5 py-2.5 text-slate-600">{c.email ?? '—'}</td>
                  <td className="px-5 py-2.5 text-slate-600" title={c.locale ?? undefined}>{c.locale ? customerLanguageName(c.locale, locale) : '—'}</td>
                  <td className="px-5 py-2.5 text-right tabular-nums text-slate-600">{formatNumber(locale, c.orderCount)}</td>
                  <td className="px-5 py-2.5 text-right font-mono text-xs text-slate-400">{c.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pager paging={paging} shown={rows.length} total={customers.data?.total} capped={customers.data?.totalCapped} />
    </div>
  );
}
