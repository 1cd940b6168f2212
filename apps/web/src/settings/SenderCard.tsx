// Who the shop's emails are from: the workspace's default from name and address, and where
// replies go. A template can override it (its Sender button); empty: the server's own sender.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/me';
import { useLeaveGuard } from '../app/router';
import { SenderFields, type Sender } from '../sender/SenderFields';
import { useTRPC } from '../trpc';
import { Button, Spinner } from '../ui/kit';
import { differs } from '../ui/unsaved';
import { fieldErrors } from './SettingsPage';

export function SenderCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('sender');
  const current = useQuery(trpc.sender.settings.queryOptions());
  const mayEdit = useCan()('sender.saveSettings');
  const [sender, setSender] = useState<Sender | null>(null);
  useEffect(() => { if (current.data && sender === null) setSender(current.data); }, [current.data, sender]);
  const save = useMutation(trpc.sender.saveSettings.mutationOptions({
    onSuccess: (saved) => { queryClient.setQueryData(trpc.sender.settings.queryKey(), saved); setSender(saved); },
  }));
  useLeaveGuard(differs(sender, current.data));
  if (sender === null) return <Spinner />;
  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="sender-settings">
      <h2 className="text-base font-semibold text-slate-900">{t('settings.title')}</h2>
      <p className="mt-1 text-sm text-slate-500">{t('settings.subtitle')}</p>
      <div className="mt-5">
        <SenderFields value={sender} disabled={!mayEdit} errors={fieldErrors(save.error)}
          onChange={(next) => { setSender(next); save.reset(); }} />
      </div>
      {mayEdit && (
        <div className="mt-4 flex items-center gap-3">
          <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate(sender)}>{t('settings.save')}</Button>
          {save.isSuccess && <span className="text-xs text-emerald-600" role="status">{t('settings.saved')}</span>}
        </div>
      )}
    </section>
  );
}
