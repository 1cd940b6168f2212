import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCan } from '../../app/me';
import { Link } from '../../app/router';
import { useTRPC, useTRPCClient, type Api, type inferOutput } from '../../trpc';
import { Icon } from '../../ui/icons';
import { Button, StatusBadge } from '../../ui/kit';
import type { PublishOutcome } from './PublishNotice';
import type { SaveStatus } from './useAutosave';

type Journey = inferOutput<Api['journeys']['get']>;

export function EditorToolbar(p: {
  journey: Journey; name: string; onRename(name: string): void; saveStatus: SaveStatus; saveError: string | null;
  canUndo: boolean; canRedo: boolean; onUndo(): void; onRedo(): void;
  live: boolean; onToggleLive(): void; hasVersion: boolean;
  flush(): Promise<void>; onPublished(outcome: PublishOutcome): void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.journeys.get.queryKey({ id: p.journey.id }) }),
    queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() }),
  ]);
  const can = useCan();
  // With publish approval on, a marketer's Publish asks an approver instead.
  const approval = useQuery(trpc.approvals.settings.queryOptions());
  const mustRequest = approval.data?.mustRequest ?? false;
  const publish = useMutation({
    mutationFn: async (): Promise<PublishOutcome> => {
      await p.flush();
      if (!mustRequest) return client.journeys.publish.mutate({ id: p.journey.id });
      const asked = await client.approvals.request.mutate({ journeyId: p.journey.id });
      return asked.ok ? { ok: true, requested: true } : asked;
    },
  });
  const publishNow = async () => {
    const result = await publish.mutateAsync().catch((e: Error) => ({ ok: false as const, issues: [{ nodeId: null, field: '', message: e.message }] }));
    p.onPublished(result);
    if (result.ok) void refresh();
  };
  const setStatus = useMutation(trpc.journeys.setStatus.mutationOptions({ onSuccess: () => void refresh() }));
  const status = p.journey.status;
  const nextStatus = status === 'live' ? 'paused' : 'live';

  return (
    <div className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-4">
      <Link to="/journeys" className="rounded-lg p-1.5 text-slate-500 hover:bg-slate-100" aria-label="Back to journeys"><Icon name="arrowLeft" /></Link>
      <input value={p.name} onChange={(e) => p.onRename(e.target.value)} aria-label="Journey name" maxLength={120}
        className="min-w-0 max-w-xs flex-1 rounded-md px-2 py-1 text-base font-semibold text-slate-900 outline-none hover:bg-slate-50 focus:bg-white focus:ring-2 focus:ring-violet-500" />
      <StatusBadge status={status} />
      {p.journey.versions.length > 0 && <span className="text-xs text-slate-500">v{Math.max(...p.journey.versions.map((v) => v.version))}</span>}
      <SaveIndicator status={p.saveStatus} error={p.saveError} />
      <div className="ml-auto flex items-center gap-1.5">
        <Button variant="ghost" icon="undo" onClick={p.onUndo} disabled={!p.canUndo} aria-label="Undo" title="Undo (Ctrl+Z)" />
        <Button variant="ghost" icon="redo" onClick={p.onRedo} disabled={!p.canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)" />
        <span className="mx-1 h-6 w-px bg-slate-200" />
        {p.hasVersion && (
          <Button icon="chart" onClick={p.onToggleLive} aria-pressed={p.live} data-testid="toggle-live-stats"
            className={p.live ? '!bg-violet-50 !text-violet-700 !ring-violet-300' : ''}>
            {p.live ? 'Back to editing' : 'Live stats'}
          </Button>
        )}
        {p.hasVersion && status !== 'draft' && can('journeys.setStatus') && (
          <Button icon={nextStatus === 'live' ? 'play' : 'pause'} disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ id: p.journey.id, status: nextStatus })} data-testid="toggle-status">
            {nextStatus === 'live' ? 'Resume' : 'Pause'}
          </Button>
        )}
        {(can('journeys.publish') || can('approvals.request')) && (
          <Button variant="primary" onClick={() => void publishNow()} disabled={publish.isPending} data-testid="publish">
            {mustRequest ? (publish.isPending ? 'Asking…' : 'Request approval') : publish.isPending ? 'Publishing…' : 'Publish'}
          </Button>
        )}
      </div>
    </div>
  );
}

function SaveIndicator({ status, error }: { status: SaveStatus; error: string | null }) {
  const text = { saved: 'Saved ✓', pending: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' }[status];
  const tone = status === 'error' ? 'text-rose-600' : status === 'saved' ? 'text-emerald-600' : 'text-slate-500';
  return <span className={`text-xs font-medium ${tone}`} data-testid="save-status" title={error ?? undefined} aria-live="polite">{text}</span>;
}
