// Two simulations side by side (a 7-day wait against a 10-day one, a draft against the live
// version): their main figures and the difference, so a marketer sees what a change would do.
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { ErrorNote, formatDate, Spinner } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { count } from '../report/format';
import type { SimulationResult } from './types';

const FIGURES: { key: string; of(r: SimulationResult): number }[] = [
  { key: 'entries', of: (r) => r.entries.total },
  { key: 'emails', of: (r) => r.emails.total },
  { key: 'capped', of: (r) => r.sendPolicy.cappedSkipped + r.sendPolicy.cappedHeld },
  { key: 'cappedByLive', of: (r) => r.sendPolicy.cappedByLiveSends },
  { key: 'quietHours', of: (r) => r.sendPolicy.quietHoursHeld },
  { key: 'completed', of: (r) => r.endPositions.filter((p) => p.status === 'completed' || p.status === 'exited').reduce((a, p) => a + p.n, 0) },
  { key: 'coupons', of: (r) => r.effects.coupons },
  { key: 'points', of: (r) => r.effects.points },
  { key: 'services', of: (r) => r.effects.services.reduce((a, s) => a + s.n, 0) },
];

export function CompareSimulations({ ids }: { ids: [string, string] }) {
  const { t } = useTranslation('simulation');
  const trpc = useTRPC();
  const locale = useLocale();
  const [a, b] = useQueries({ queries: ids.map((simulationId) => trpc.simulations.get.queryOptions({ simulationId })) });
  if (a.isPending || b.isPending) return <Spinner />;
  if (a.isError || b.isError) return <ErrorNote error={a.error ?? b.error} />;
  if (!a.data.result || !b.data.result) return <p className="p-5 text-sm text-slate-500">{t('compare.unfinished')}</p>;
  const [ra, rb] = [a.data.result, b.data.result];
  // Named by what and which period they replayed (two of the same minute would read alike by start time).
  const head = (s: typeof a.data) => t('compare.column', {
    date: t('past.period', { from: formatDate(s.spec.from, false), to: formatDate(s.spec.to, false) }), what: s.versionId ? t('past.version') : t('past.draft') });
  return (
    <div className="p-5" data-testid="simulation-compare">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{t('compare.title')}</h3>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="py-1 font-medium">{t('compare.figure')}</th>
            <th className="py-1 text-right font-medium">{head(a.data)}</th>
            <th className="py-1 text-right font-medium">{head(b.data)}</th>
            <th className="py-1 text-right font-medium">{t('compare.difference')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {FIGURES.map((f) => {
            const [x, y] = [f.of(ra), f.of(rb)];
            return (
              <tr key={f.key}>
                <td className="py-1.5 text-slate-700">{t(`compare.${f.key}`)}</td>
                <td className="py-1.5 text-right tabular-nums">{count(locale, x)}</td>
                <td className="py-1.5 text-right tabular-nums">{count(locale, y)}</td>
                <td className={`py-1.5 text-right tabular-nums ${y === x ? 'text-slate-400' : 'font-medium text-slate-900'}`}>
                  {formatSigned(locale, y - x)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const formatSigned = (locale: string, n: number) => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(n);
