// What to simulate: the draft or a published version, a period (the last 7, 30 or 90 days, or
// dates) and who (everyone, a segment, a sample of N). Start flushes the draft first, so the
// simulation replays what the marketer sees.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../../trpc';
import { Button, ErrorNote, inputClass } from '../../ui/kit';

type PeriodChoice = '7' | '30' | '90' | 'dates';
type Who = 'everyone' | 'segment' | 'sample';
const PERIODS: readonly PeriodChoice[] = ['7', '30', '90', 'dates'];
const WHO: readonly Who[] = ['everyone', 'segment', 'sample'];

interface VersionOption { id: string; version: number }

const dayStart = (date: string) => new Date(`${date}T00:00:00Z`).toISOString();

export function SimulationForm({ journeyId, versions, flush, onStarted }: {
  journeyId: string; versions: readonly VersionOption[]; flush(): Promise<void>; onStarted(id: string): void;
}) {
  const { t } = useTranslation('simulation');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [source, setSource] = useState('draft');
  const [period, setPeriod] = useState<PeriodChoice>('30');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [who, setWho] = useState<Who>('everyone');
  const [segmentId, setSegmentId] = useState('');
  const [size, setSize] = useState(1000);
  const segments = useQuery({ ...trpc.segments.list.queryOptions(), enabled: who === 'segment' });
  const start = useMutation({
    mutationFn: async () => {
      if (source === 'draft') await flush();
      return client.simulations.start.mutate({
        journeyId,
        source: source === 'draft' ? { kind: 'draft' } : { kind: 'version', versionId: source },
        // Dates are whole UTC days: the end day is included.
        period: period === 'dates' ? { from: from && dayStart(from), to: to && new Date(Date.parse(dayStart(to)) + 86_400_000).toISOString() }
          : { lastDays: Number(period) as 7 | 30 | 90 },
        population: who === 'segment' ? { kind: 'segment', segmentId } : who === 'sample' ? { kind: 'sample', size } : { kind: 'everyone' },
      });
    },
    onSuccess: (r) => onStarted(r.simulationId),
  });
  const radio = 'flex items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-inset ring-slate-200 has-[:checked]:bg-violet-50 has-[:checked]:ring-violet-400';
  return (
    <form className="space-y-5 p-5" onSubmit={(e) => { e.preventDefault(); start.mutate(); }} data-testid="simulation-form">
      {versions.length > 0 && (
        <label className="block text-sm font-medium text-slate-700">{t('form.source')}
          <select value={source} onChange={(e) => setSource(e.target.value)} className={`${inputClass} mt-1`} data-testid="simulation-source">
            <option value="draft">{t('form.draft')}</option>
            {versions.map((v) => <option key={v.id} value={v.id}>{t('form.version', { version: v.version })}</option>)}
          </select>
        </label>
      )}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t('form.period')}</legend>
        <div className="grid grid-cols-4 gap-2">
          {PERIODS.map((p) => (
            <label key={p} className={radio}>
              <input type="radio" name="period" value={p} checked={period === p} onChange={() => setPeriod(p)} data-testid={`simulation-period-${p}`} />
              {p === 'dates' ? t('form.dates') : t('form.lastDays', { count: Number(p) })}
            </label>
          ))}
        </div>
        {period === 'dates' && (
          <div className="mt-2 grid grid-cols-2 gap-2">
            <label className="text-xs text-slate-500">{t('form.from')}<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} className={inputClass} /></label>
            <label className="text-xs text-slate-500">{t('form.to')}<input type="date" value={to} onChange={(e) => setTo(e.target.value)} className={inputClass} /></label>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t('form.who')}</legend>
        <div className="grid grid-cols-3 gap-2">
          {WHO.map((w) => (
            <label key={w} className={radio}>
              <input type="radio" name="who" value={w} checked={who === w} onChange={() => setWho(w)} data-testid={`simulation-who-${w}`} />
              {t(`form.${w}`)}
            </label>
          ))}
        </div>
        {who === 'segment' && (
          <select value={segmentId} onChange={(e) => setSegmentId(e.target.value)} aria-label={t('form.segment')} className={`${inputClass} mt-2`} data-testid="simulation-segment">
            <option value="">{segments.isPending ? t('form.loadingSegments') : t('form.chooseSegment')}</option>
            {segments.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        )}
        {segments.isError && <ErrorNote error={segments.error} />}
        {who === 'sample' && (
          <label className="mt-2 flex items-center gap-2 text-sm text-slate-600">{t('form.sampleSize')}
            <input type="number" min={1} max={1_000_000} value={size} onChange={(e) => setSize(Math.floor(Number(e.target.value)))} className={`${inputClass} w-32`} data-testid="simulation-sample-size" />
          </label>
        )}
      </fieldset>
      {start.isError && <ErrorNote error={start.error} />}
      <div className="flex items-center justify-between gap-3">
        <p className="text-xs text-slate-500">{t('form.safe')}</p>
        <Button type="submit" variant="primary" icon="play" disabled={start.isPending || (who === 'segment' && !segmentId) || (period === 'dates' && (!from || !to))} data-testid="simulation-start">
          {start.isPending ? t('form.starting') : t('form.start')}
        </Button>
      </div>
    </form>
  );
}
