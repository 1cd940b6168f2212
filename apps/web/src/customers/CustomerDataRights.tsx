// A customer's data rights on their page: "Download data" (everything Afterglow holds about
// them, as a JSON file) and "Erase customer" (for good: the person must type the customer id
// first). Each is shown only to the roles whose permission table entry allows it (auth.me's `can`).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { Button, Dialog, inputClass } from '../ui/kit';

export function CustomerDataRights({ id, name }: { id: string; name: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const { t } = useTranslation('customers');
  const [erasing, setErasing] = useState(false);
  const download = useMutation(trpc.customers.export.mutationOptions({ onSuccess: (data) => saveJson(`customer-${id}.json`, data) }));
  const can = me.data?.can ?? [];
  if (!can.includes('customers.export') && !can.includes('customers.erase')) return null;
  return (
    <div className="flex items-center gap-2">
      {can.includes('customers.export') && (
        <Button icon="download" onClick={() => download.mutate({ id })} disabled={download.isPending}>
          {download.isPending ? t('rights.preparing') : t('rights.download')}
        </Button>
      )}
      {can.includes('customers.erase') && <Button variant="danger" icon="trash" onClick={() => setErasing(true)}>{t('rights.erase')}</Button>}
      {download.isError && <span role="alert" className="text-xs text-rose-600">{download.error.message}</span>}
      {erasing && <EraseDialog id={id} name={name} onClose={() => setErasing(false)} />}
    </div>
  );
}

function EraseDialog({ id, name, onClose }: { id: string; name: string; onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const { t } = useTranslation('customers');
  const [typed, setTyped] = useState('');
  const erase = useMutation(trpc.customers.erase.mutationOptions({
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.customers.list.queryKey() });
      navigate('/customers', { replace: true });
    },
  }));
  return (
    <Dialog title={t('erase.title')} onClose={onClose}>
      <form className="space-y-4 text-sm text-slate-600" onSubmit={(e) => { e.preventDefault(); erase.mutate({ id, confirm: typed }); }}>
        <p><Emphasis text={t('erase.everything', { name: MARK })}>{name}</Emphasis></p>
        <p>{t('erase.orders')}</p>
        <label className="block font-medium text-slate-700">
          <Emphasis text={t('erase.confirm', { id: MARK })} className="font-mono font-normal text-rose-700">{id}</Emphasis>
          <input className={`${inputClass} mt-1 font-mono`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" aria-label={t('erase.idLabel')} />
        </label>
        {erase.isError && <p className="text-xs text-rose-600" role="alert">{erase.error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t('erase.cancel')}</Button>
          <Button variant="danger" type="submit" icon="trash" disabled={typed !== id || erase.isPending}>{erase.isPending ? t('erase.erasing') : t('rights.erase')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

// Where a translated sentence places the name or id it sets off (each language puts it elsewhere).
const MARK = '\u0001';

function Emphasis({ text, className, children }: { text: string; className?: string; children: string }) {
  const [before, after = ''] = text.split(MARK);
  return <>{before}<strong className={className}>{children}</strong>{after}</>;
}

/** Hands the document to the browser as a file download. */
function saveJson(fileName: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
