import { formatNumber } from '@afterglow/i18n';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Icon } from '../ui/icons';
import { Button, Card, EmptyState, ErrorNote, inputClass, PageHeader, Spinner } from '../ui/kit';
import { customerLanguageName } from '../ui/languageNames';
import { useLocale } from '../ui/locale';
import { useDebounced } from '../ui/useDebounced';

const PAGE = 50;

export function CustomersPage() {
  const trpc = useTRPC();
  const { t } = useTranslation('customers');
  const locale = useLocale();
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const term = useDebounced(search.trim(), 250);
  const customers = useQuery({
    ...trpc.customers.list.queryOptions({ search: term || undefined, limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  const rows = customers.data?.items ?? [];
  const total = customers.data?.total ?? 0;
  const range = { from: formatNumber(locale, offset + 1), to: formatNumber(locale, offset + rows.length), total: formatNumber(locale, total) };
  return (
    <div className="mx-auto max-w-6xl p-8">
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} />
      <div className="relative mb-4 max-w-md">
        <Icon name="search" className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-slate-400" />
        <input type="search" aria-label={t('list.search')} placeholder={t('list.searchPlaceholder')} value={search}
          onChange={(e) => { setSearch(e.target.value); setOffset(0); }} className={`${inputClass} pl-9`} />
      </div>
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
          <div className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
            <span>{customers.data?.totalCapped ? t('list.rangeCapped', range) : t('list.range', range)}</span>
            <div className="flex gap-2">
              <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('list.previous')}</Button>
              <Button disabled={offset + rows.length >= total && !customers.data?.totalCapped} onClick={() => setOffset(offset + PAGE)}>{t('list.next')}</Button>
            </div>
          </div>
        </Card>
      )}
    </div>
  );
}
