// Every saved version of a template, newest first. Opening an older one puts it in the
// editor (every language of it) as unsaved changes: saving it makes it the newest version
// (nothing is overwritten).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Button, Dialog, formatDate, Spinner } from '../ui/kit';
import type { Language, Text } from './draft';

export interface VersionContent extends Text { language: string; variants: Partial<Record<Language, Text>> }

export function HistoryDialog({ id, current, onClose, onOpen }:
  { id: string; current: number; onClose(): void; onOpen(content: VersionContent, version: number): void }) {
  const trpc = useTRPC();
  const { t } = useTranslation('templates');
  const versions = useQuery({ ...trpc.templates.versions.queryOptions({ id }), staleTime: 0 });
  return (
    <Dialog title={t('history.title')} onClose={onClose}>
      {versions.isPending && <Spinner />}
      {versions.isError && <p className="text-sm text-rose-600" role="alert">{versions.error.message}</p>}
      <ul className="max-h-[60vh] space-y-1.5 overflow-auto pr-1" data-testid="template-history">
        {versions.data?.map((v) => (
          <li key={v.version} className="flex items-center gap-3 rounded-lg p-2.5 ring-1 ring-slate-200">
            <div className="min-w-0 flex-1">
              <div className="text-sm font-semibold text-slate-900">
                {t('history.version', { version: v.version })}
                {v.version === current && <span className="ml-1.5 text-xs font-normal text-emerald-700">{t('history.current')}</span>}
              </div>
              <div className="truncate text-xs text-slate-500">{v.subject}</div>
              <div className="text-xs text-slate-400">{formatDate(v.createdAt)}{v.author ? ` · ${v.author}` : ''}</div>
            </div>
            {v.version !== current && <Button onClick={() => onOpen(v, v.version)}>{t('history.open')}</Button>}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
