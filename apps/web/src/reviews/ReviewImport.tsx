// Importing reviews collected elsewhere: the CSV is read here (as text, at most 5 MB) and sent
// to reviews.import, which parses and checks it; the summary and each bad row (its number,
// field and what is wrong, in the user's language) are shown in a dialog.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC, type Api, type inferOutput } from '../trpc';
import { Button, Dialog } from '../ui/kit';

const MAX_BYTES = 5 * 1024 * 1024;
type Result = inferOutput<Api['reviews']['import']>;

export function ReviewImport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('reviews');
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useMutation(trpc.reviews.import.mutationOptions({
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.reviews.pathKey() }),
    onError: (error) => setProblem(errorMessage(error)),
  }));
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    run.reset();
    if (file.size > MAX_BYTES) return setProblem(t('import.tooLarge'));
    run.mutate({ csv: await file.text() });
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <Button icon="download" onClick={() => setOpen(true)}>{t('import.button')}</Button>
      {open && (
        <Dialog title={t('import.title')} onClose={() => setOpen(false)}>
          <p className="text-sm text-slate-600">{t('import.help')}</p>
          <label className="mt-4 block text-sm font-medium text-slate-700">{t('import.choose')}
            <input ref={input} type="file" accept=".csv,text/csv" data-testid="review-import-file" disabled={run.isPending}
              onChange={(e) => void pick(e.target.files?.[0])}
              className="mt-1 block w-full text-sm text-slate-600 file:mr-3 file:rounded-lg file:border-0 file:bg-violet-50 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-violet-700" />
          </label>
          {run.isPending && <p className="mt-3 text-sm text-slate-500">{t('import.working')}</p>}
          {problem && <p role="alert" className="mt-3 text-sm text-rose-600">{problem}</p>}
          {run.data && <ImportSummary result={run.data} />}
          <div className="mt-5 flex justify-end"><Button onClick={() => setOpen(false)}>{t('import.close')}</Button></div>
        </Dialog>
      )}
    </>
  );
}

function ImportSummary({ result }: { result: Result }) {
  const { t } = useTranslation('reviews');
  const figures = [[t('import.imported'), result.imported], [t('import.duplicates'), result.duplicates], [t('import.errors'), result.errorCount]] as const;
  return (
    <div className="mt-4" data-testid="review-import-result">
      <dl className="grid grid-cols-3 gap-2 text-center">
        {figures.map(([label, n]) => (
          <div key={label} className="rounded-lg bg-slate-50 p-2"><dt className="text-xs text-slate-500">{label}</dt><dd className="text-lg font-semibold tabular-nums">{n}</dd></div>
        ))}
      </dl>
      {result.errors.length > 0 && (
        <ul className="mt-3 max-h-48 space-y-1 overflow-auto text-sm text-rose-700" data-testid="review-import-errors">
          {result.errors.map((e) => <li key={`${e.row}:${e.field}`}>{e.message}</li>)}
          {result.errorCount > result.errors.length && <li className="text-slate-500">{t('import.more', { count: result.errorCount - result.errors.length })}</li>}
        </ul>
      )}
    </div>
  );
}
