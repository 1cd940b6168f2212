import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Icon } from '../ui/icons';
import { Button, Card, EmptyState, ErrorNote, inputClass, PageHeader, Spinner } from '../ui/kit';
import { useDebounced } from '../ui/useDebounced';

const PAGE = 50;

export function CustomersPage() {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const term = useDebounced(search.trim(), 250);
  const customers = useQuery({
    ...trpc.customers.list.queryOptions({ search: term || undefined, limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  const rows = customers.data?.items ?? [];
  const total = customers.data?.total ?? 0;
  return (
    <div className="mx-auto max-w-6xl p-8">
      <PageHeader title="Customers" subtitle="Everyone your shop has sent us, with what they bought and where they are in your journeys." />
      <div className="relative mb-4 max-w-md">
        <Icon name="search" className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-slate-400" />
        <input type="search" aria-label="Search customers" placeholder="Search by name, email or id" value={search}
          onChange={(e) => { setSearch(e.target.value); setOffset(0); }} className={`${inputClass} pl-9`} />
      </div>
      {customers.isPending && <Spinner />}
      {customers.isError && <ErrorNote error={customers.error} />}
      {customers.data && rows.length === 0 && (
        <EmptyState icon="customers" title={term ? 'No customer matches' : 'No customers yet'}>
          {term ? `Nobody’s name, email or id contains “${term}”.` : 'Customers appear here as soon as your shop sends identify or track calls to the ingestion API.'}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <Card className="overflow-hidden">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr><th className="px-5 py-3">Customer</th><th className="px-5 py-3">Email</th><th className="px-5 py-3 text-right">Orders</th><th className="px-5 py-3 text-right">Id</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((c) => (
                <tr key={c.id} className="hover:bg-slate-50">
                  <td className="px-5 py-2.5">
                    <Link to={`/customers/${c.id}`} className="font-medium text-slate-900 hover:text-violet-700">
                      {[c.firstName, c.lastName].filter(Boolean).join(' ') || 'Unnamed customer'}
                    </Link>
                  </td>
                  <td className="px-5 py-2.5 text-slate-600">{c.email ?? '—'}</td>
                  <td className="px-5 py-2.5 text-right tabular-nums text-slate-600">{c.orderCount}</td>
                  <td className="px-5 py-2.5 text-right font-mono text-xs text-slate-400">{c.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
            <span>{offset + 1}–{offset + rows.length} of {total.toLocaleString()}{customers.data?.totalCapped ? '+' : ''}</span>
            <div className="flex gap-2">
              <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</Button>
              <Button disabled={offset + rows.length >= total && !customers.data?.totalCapped} onClick={() => setOffset(offset + PAGE)}>Next</Button>
            </div>
          </div>
        </Card>
      )}
    </div>
  );
}
