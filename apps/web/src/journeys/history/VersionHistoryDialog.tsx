// Version history: every published version with who published it and when. Ticking two shows
// what changed between them (VersionDiff); "Revert draft to this version" puts that version's
// steps and settings back as the draft (audited; reverting to another version undoes it). The
// editor then reopens on the new draft, so autosave never writes the old one back.
import { formatDateTime } from '@afterglow/i18n';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { useTRPC, useTRPCClient } from '../../trpc';
import { Button, ErrorNote, Spinner } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { VersionDiff } from './VersionDiff';

export function VersionHistoryDialog({ journeyId, flush, onClose }: { journeyId: string; flush(): Promise<void>; onClose(): void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { t } = useTranslation('versions');
  const locale = useLocale();
  const mayRevert = useCan()('journeys.revertDraft');
  const versions = useQuery({ ...trpc.journeys.versions.queryOptions({ id: journeyId }), staleTime: 0 });
  const [picked, setPicked] = useState<string[] | null>(null);
  const [reverting, setReverting] = useState<string | null>(null);
  // Until the user ticks others: the two newest versions.
  const chosen = picked ?? versions.data?.slice(0, 2).map((v) => v.id) ?? [];
  const ordered = (versions.data ?? []).filter((v) => chosen.includes(v.id)).reverse(); // older first
  const [from, to] = ordered;
  const diff = useQuery({
    ...trpc.journeys.diffVersions.queryOptions({ id: journeyId, fromVersionId: from?.id ?? '', toVersionId: to?.id ?? '' }),
    enabled: !!from && !!to,
  });
  const revert = useMutation({
    mutationFn: async (versionId: string) => {
      await flush(); // pending edits are saved first: the audit log and the undo by reverting see them
      return client.journeys.revertDraft.mutate({ id: journeyId, versionId });
    },
    // The editor reopens on the reverted draft: its state held the old one.
    onSuccess: () => {
      onClose();
      void queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
      void queryClient.resetQueries({ queryKey: trpc.journeys.get.queryKey({ id: journeyId }) });
    },
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const toggle = (id: string) => setPicked(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id].slice(-2));

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center whitespace-normal bg-slate-900/30 p-4 backdrop-blur-sm" onMouseDown={onClose}>
      <div role="dialog" aria-label={t('title')} onMouseDown={(e) => e.stopPropagation()}
        className="flex max-h-[85vh] w-full max-w-3xl flex-col rounded-2xl bg-white shadow-xl ring-1 ring-slate-200">
        <header className="flex items-center justify-between border-b border-slate-100 px-6 py-4">
          <div>
            <h2 className="text-lg font-semibold text-slate-900">{t('title')}</h2>
            <p className="text-sm text-slate-500">{t('hint')}</p>
          </div>
          <Button variant="ghost" icon="x" aria-label={t('close')} onClick={onClose} />
        </header>
        <div className="grid min-h-0 flex-1 grid-cols-[18rem_1fr] overflow-hidden">
          <ol className="overflow-y-auto border-r border-slate-100 p-3" data-testid="version-list">
            {versions.isPending && <Spinner />}
            {versions.data?.length === 0 && <p className="p-3 text-sm text-slate-500">{t('none')}</p>}
            {versions.data?.map((v) => (
              <li key={v.id} className="rounded-lg p-2 hover:bg-slate-50">
                <label className="flex cursor-pointer items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-1 accent-violet-600" checked={chosen.includes(v.id)} onChange={() => toggle(v.id)}
                    aria-label={t('pick', { version: v.version })} />
                  <span>
                    <span className="font-medium text-slate-900">{t('version', { version: v.version })}</span>
                    <span className="block text-xs text-slate-500">
                      {t('publishedBy', { who: v.publishedBy ?? t('someone'), when: formatDateTime(locale, new Date(v.publishedAt)) })}
                    </span>
                  </span>
                </label>
                {mayRevert && (reverting === v.id ? (
                  <div className="mt-2 rounded-lg bg-amber-50 p-2 text-xs text-amber-900 ring-1 ring-amber-200">
                    <p>{t('revert.confirm', { version: v.version })}</p>
                    <div className="mt-2 flex gap-2">
                      <Button onClick={() => setReverting(null)}>{t('revert.cancel')}</Button>
                      <Button variant="primary" disabled={revert.isPending} onClick={() => revert.mutate(v.id)} data-testid="confirm-revert">
                        {t('revert.do')}
                      </Button>
                    </div>
                  </div>
                ) : (
                  <button type="button" className="ml-6 mt-1 text-xs font-medium text-violet-700 hover:underline" onClick={() => setReverting(v.id)}>
                    {t('revert.button')}
                  </button>
                ))}
              </li>
            ))}
          </ol>
          <section className="overflow-y-auto p-5" aria-live="polite">
            {revert.isError && <ErrorNote error={revert.error} />}
            {from && to ? (
              <>
                <h3 className="mb-3 text-sm font-semibold text-slate-700">{t('comparing', { from: from.version, to: to.version })}</h3>
                {diff.isPending && <Spinner />}
                {diff.isError && <ErrorNote error={diff.error} />}
                {diff.data && <VersionDiff diff={diff.data} />}
              </>
            ) : (
              <p className="text-sm text-slate-500">{t('pickTwo')}</p>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
