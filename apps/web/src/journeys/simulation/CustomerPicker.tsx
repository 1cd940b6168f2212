// Find a customer by name, email or id (the Customers list's search) and pick one.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { ErrorNote, inputClass } from '../../ui/kit';
import { useDebounced } from '../../ui/useDebounced';

export function CustomerPicker({ onPick }: { onPick(id: string): void }) {
  const { t } = useTranslation('simulation');
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const found = useQuery({ ...trpc.customers.list.queryOptions({ search: query, limit: 8, sort: 'name' }), enabled: query.length > 0 });
  return (
    <div>
      <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('follow.search')} aria-label={t('follow.search')}
        className={inputClass} data-testid="simulation-customer-search" />
      {found.isError && <ErrorNote error={found.error} />}
      {query && found.isSuccess && found.data.items.length === 0 && <p className="p-3 text-sm text-slate-400">{t('empty.customers')}</p>}
      {query && found.isSuccess && found.data.items.length > 0 && (
        <ul className="mt-1 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid="simulation-customers">
          {found.data.items.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => { onPick(c.id); setSearch(''); }} className="w-full px-3 py-2 text-left hover:bg-slate-50">
                <div className="truncate text-sm font-medium text-slate-900">{[c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || c.id}</div>
                <div className="truncate font-mono text-xs text-slate-500">{c.id}</div>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
