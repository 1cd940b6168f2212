// "Import a journey file": reads a .json file chosen here and sends it to journeys.importFile;
// what the server refuses is listed beside the card, each problem naming its step and field.
import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Icon } from '../../ui/icons';

type Refused = { message: string; data?: { issues?: { field: string; message: string }[] | null } };

export function ImportCard({ onImported }: { onImported(id: string): void }) {
  const trpc = useTRPC();
  const { t } = useTranslation('gallery');
  const [unreadable, setUnreadable] = useState(false);
  const importFile = useMutation(trpc.journeys.importFile.mutationOptions({ onSuccess: ({ id }) => onImported(id) }));
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    e.target.value = '';
    if (!chosen) return;
    setUnreadable(false);
    importFile.reset();
    let file: unknown;
    try {
      file = JSON.parse(await chosen.text());
    } catch {
      setUnreadable(true);
      return;
    }
    importFile.mutate({ file });
  };
  const refused = importFile.error as Refused | null;
  const issues = refused?.data?.issues ?? [];
  return (
    <div className="flex flex-col rounded-xl border border-dashed border-slate-300 bg-white p-4" data-testid="gallery-import">
      <div className="flex items-center gap-2 text-base font-semibold text-slate-900"><Icon name="download" className="h-5 w-5 rotate-180 text-violet-600" />{t('import.title')}</div>
      <p className="mt-1 text-sm text-slate-600">{t('import.body')}</p>
      <label className="mt-4 inline-flex w-fit cursor-pointer items-center rounded-lg bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-200 hover:bg-slate-50">
        {importFile.isPending ? t('import.reading') : t('import.choose')}
        <input type="file" accept=".json,application/json" className="sr-only" onChange={(e) => void choose(e)} data-testid="import-file" />
      </label>
      {(unreadable || refused) && (
        <div role="alert" className="mt-3 rounded-lg bg-rose-50 p-3 text-sm text-rose-800 ring-1 ring-rose-200">
          <div className="font-medium">{unreadable ? t('import.notJson') : t('import.refused', { count: Math.max(issues.length, 1) })}</div>
          {issues.length > 0 ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">{issues.map((i) => <li key={`${i.field}:${i.message}`}>{i.message}</li>)}</ul>
          ) : refused && <p className="mt-1">{refused.message}</p>}
        </div>
      )}
    </div>
  );
}
