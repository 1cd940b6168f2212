// The categories' buying cycles: how long a purchase from a category lasts (cosmetics 56-84
// days), which the Replenishment wait and the customer page use for products without a cycle
// of their own. Saved as one list; the server names a bad row's field, shown under that row.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Icon } from '../ui/icons';
import { Button, inputClass, Spinner } from '../ui/kit';
import { fieldErrors } from './SettingsPage';
import { useLeaveGuard } from '../app/router';
import { differs } from '../ui/unsaved';

interface Row { category: string; minDays: number; maxDays: number }
const FIELDS = ['category', 'minDays', 'maxDays'] as const;
const [SHORTEST, LONGEST] = ['minDays', 'maxDays'] as const;

export function BuyingCyclesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('replenishment');
  const current = useQuery(trpc.shop.buyingCycles.queryOptions());
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => { if (current.data && !rows) setRows(current.data); }, [current.data, rows]);
  const save = useMutation(trpc.shop.saveBuyingCycles.mutationOptions({
    onSuccess: (saved) => { queryClient.setQueryData(trpc.shop.buyingCycles.queryKey(), saved); setRows(saved); },
  }));
  // Leaving with edits not saved asks first (a setting changes live sending: never saved on its own).
  useLeaveGuard(differs(rows, current.data));
  if (!rows) return <Spinner />;
  const refused = fieldErrors(save.error);
  const change = (i: number, next: Partial<Row>) => { setRows(rows.map((r, n) => (n === i ? { ...r, ...next } : r))); save.reset(); };
  const remove = (i: number) => { setRows(rows.filter((_, n) => n !== i)); save.reset(); };
  const days = (i: number, key: 'minDays' | 'maxDays') => (
    <div className="w-24 shrink-0">
      <input id={`cycle-${i}-${key}`} type="number" min={1} max={3650} className={inputClass} value={rows[i][key]}
        aria-label={t(`settings.${key}`)} onChange={(e) => change(i, { [key]: e.target.valueAsNumber })} />
    </div>
  );
  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="buying-cycles">
      <h2 className="text-base font-semibold text-slate-900">{t('settings.title')}</h2>
      <p className="mt-1 text-sm text-slate-500">{t('settings.subtitle')}</p>
      <ul className="mt-4 space-y-3">
        {rows.map((row, i) => {
          const problems = FIELDS.map((f) => refused[`cycles.${i}.${f}`]).filter(Boolean);
          return (
            <li key={i}>
              <div className="flex items-center gap-2">
                <div className="min-w-0 flex-1">
                  <input className={inputClass} value={row.category} placeholder={t('settings.placeholder')}
                    aria-label={t('settings.category')} onChange={(e) => change(i, { category: e.target.value })} />
                </div>
                {days(i, SHORTEST)}
                <span className="text-slate-400">–</span>
                {days(i, LONGEST)}
                <span className="text-sm text-slate-500">{t('settings.days')}</span>
                <button type="button" onClick={() => remove(i)} aria-label={t('settings.remove')}
                  className="rounded p-1 text-slate-400 hover:bg-rose-50 hover:text-rose-600"><Icon name="x" /></button>
              </div>
              {problems.length > 0 && <p className="mt-1 text-xs font-medium text-rose-600" role="alert">{problems.join(' · ')}</p>}
            </li>
          );
        })}
      </ul>
      <div className="mt-4 flex items-center gap-3">
        <Button icon="plus" onClick={() => setRows([...rows, { category: '', minDays: 56, maxDays: 84 }])}>{t('settings.add')}</Button>
        <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate({ cycles: rows })}>{t('settings.save')}</Button>
        {save.isSuccess && <span className="text-xs text-emerald-600">{t('settings.saved')}</span>}
        {save.isError && Object.keys(refused).length === 0 && <span className="text-xs text-rose-600">{save.error.message}</span>}
      </div>
    </section>
  );
}
