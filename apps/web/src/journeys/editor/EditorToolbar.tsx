import { formatDateTime, formatRelativeTime } from '@afterglow/i18n';
import type { JourneyGraph, JourneyStats, WaitingMove } from '@afterglow/journey-core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { Link } from '../../app/router';
import { useTRPC, type Api, type inferOutput } from '../../trpc';
import { Icon } from '../../ui/icons';
import { Button, StatusBadge } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { VersionHistoryDialog } from '../history/VersionHistoryDialog';
import { SimulateButton } from '../simulation/SimulateButton';
import { PublishButton } from './PublishButton';
import { EditorMoreMenu } from './EditorMoreMenu';
import type { PublishOutcome } from './PublishNotice';
import type { SaveStatus } from './useAutosave';

type Journey = inferOutput<Api['journeys']['get']>;

export function EditorToolbar(p: {
  journey: Journey; name: string; onRename(name: string): void; saveStatus: SaveStatus; saveError: string | null; savedAt: Date | null;
  canUndo: boolean; canRedo: boolean; onUndo(): void; onRedo(): void;
  live: boolean; onToggleLive(): void; hasVersion: boolean;
  flush(): Promise<void>; onPublished(outcome: PublishOutcome): void; onWaitingMoves(moves: WaitingMove[]): void; answeredWaiting: RefObject<Set<string>>;
  onTidy(): void; tidying: boolean; onShortcuts(): void; graph: JourneyGraph; onSimulated(stats: JourneyStats): void;
}) {
  const trpc = useTRPC();
  const { t } = useTranslation('editor');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.journeys.get.queryKey({ id: p.journey.id }) }),
    queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() }),
  ]);
  const can = useCan();
  const setStatus = useMutation(trpc.journeys.setStatus.mutationOptions({ onSuccess: () => void refresh() }));
  const status = p.journey.status;
  const nextStatus = status === 'live' ? 'paused' : 'live';
  const [mayPause, mayPublish] = [can('journeys.setStatus'), can('journeys.publish') || can('approvals.request')];
  const [history, setHistory] = useState(false);
  const mayReadReport = can('journeys.report');
  const latest = p.journey.versions.reduce<Journey['versions'][number] | null>((a, v) => (a && a.version > v.version ? a : v), null);

  return (
    <div className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-4" data-testid="editor-toolbar">
      <Link to="/journeys" className="rounded-lg p-1.5 text-slate-500 hover:bg-slate-100" aria-label={t('toolbar.back')}><Icon name="arrowLeft" /></Link>
      <input value={p.name} onChange={(e) => p.onRename(e.target.value)} aria-label={t('toolbar.name')} title={p.name} maxLength={120}
        className="min-w-40 max-w-xl flex-1 truncate rounded-md px-2 py-1 text-base font-semibold text-slate-900 outline-none hover:bg-slate-50 focus:bg-white focus:ring-2 focus:ring-violet-500" />
      <span className="shrink-0 whitespace-nowrap"><StatusBadge status={status} /></span>
      {latest && (
        <span className="shrink-0 text-xs text-slate-500" title={t('toolbar.publishedAt', { version: latest.version, date: formatDateTime(locale, new Date(latest.publishedAt)) })}>
          {t('toolbar.version', { version: latest.version })}
        </span>
      )}
      <SaveIndicator status={p.saveStatus} error={p.saveError} savedAt={p.savedAt} />
      <div className="ml-auto flex shrink-0 items-center gap-1.5 whitespace-nowrap">
        <Button variant="ghost" icon="undo" onClick={p.onUndo} disabled={!p.canUndo} aria-label={t('toolbar.undo')} title={t('toolbar.undoHint')} />
        <Button variant="ghost" icon="redo" onClick={p.onRedo} disabled={!p.canRedo} aria-label={t('toolbar.redo')} title={t('toolbar.redoHint')} />
        {/* Secondary actions live in "More", so the journey's name keeps its room in every language. */}
        <EditorMoreMenu journeyId={p.journey.id} flush={p.flush} onTidy={p.onTidy} tidyDisabled={p.live || p.tidying}
          onHistory={p.journey.versions.length > 0 ? () => setHistory(true) : null}
          reportTo={p.hasVersion && mayReadReport ? `/journeys/${p.journey.id}/report` : null} onShortcuts={p.onShortcuts} />
        <span className="mx-1 h-6 w-px bg-slate-200" />
        {p.hasVersion && (
          <Button icon="chart" onClick={p.onToggleLive} aria-pressed={p.live} data-testid="toggle-live-stats"
            className={p.live ? '!bg-violet-50 !text-violet-700 !ring-violet-300' : ''}>
            {p.live ? t('toolbar.backToEditing') : t('toolbar.liveStats')}
          </Button>
        )}
        {p.hasVersion && status !== 'draft' && mayPause && (
          <Button icon={nextStatus === 'live' ? 'play' : 'pause'} disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ id: p.journey.id, status: nextStatus })} data-testid="toggle-status">
            {nextStatus === 'live' ? t('toolbar.resume') : t('toolbar.pause')}
          </Button>
        )}
        <SimulateButton journeyId={p.journey.id} versions={p.journey.versions} graph={p.graph} flush={p.flush} onCanvas={p.onSimulated} />
        {mayPublish && (
          <PublishButton journeyId={p.journey.id} graph={p.graph} flush={p.flush} onWaitingMoves={p.onWaitingMoves} answered={p.answeredWaiting}
            onPublished={(outcome) => { p.onPublished(outcome); if (outcome.ok) void refresh(); }} />
        )}
      </div>
      {history && <VersionHistoryDialog journeyId={p.journey.id} flush={p.flush} onClose={() => setHistory(false)} />}
    </div>
  );
}

/** Saved, saving or not; its tooltip says when it last saved ("Saved 2 minutes ago"), kept current. */
function SaveIndicator({ status, error, savedAt }: { status: SaveStatus; error: string | null; savedAt: Date | null }) {
  const { t } = useTranslation('editor');
  const locale = useLocale();
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, []);
  const tone = status === 'error' ? 'text-rose-600' : status === 'saved' ? 'text-emerald-600' : 'text-slate-500';
  const when = savedAt ? t('save.savedAgo', { time: formatRelativeTime(locale, savedAt) }) : undefined;
  return <span className={`shrink-0 whitespace-nowrap text-xs font-medium ${tone}`} data-testid="save-status" title={error ?? when} aria-live="polite">{t(`save.${status}`)}</span>;
}
