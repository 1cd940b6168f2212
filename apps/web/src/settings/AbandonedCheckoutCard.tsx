// When a checkout counts as abandoned: minutes after its last update with no completion and no
// order of its customer. Such a checkout becomes the "Checkout Abandoned" event journeys start
// on, its cart and recovery link in the email's merge data. Marketers set it; everyone sees it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/me';
import { useTRPC } from '../trpc';
import { Button, Spinner } from '../ui/kit';
import { fieldErrors } from './SettingsPage';
import { numberInputClass } from './SendingRulesCard';
import { useLeaveGuard } from '../app/router';
import { differs } from '../ui/unsaved';

export function AbandonedCheckoutCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('checkouts');
  const current = useQuery(trpc.checkouts.settings.queryOptions());
  const mayEdit = useCan()('checkouts.saveSettings');
  const [minutes, setMinutes] = useState<number | null>(null);
  useEffect(() => {
    if (current.data && minutes === null) setMinutes(current.data.abandonedAfterMinutes);
  }, [current.data, minutes]);
  const save = useMutation(trpc.checkouts.saveSettings.mutationOptions({
    onSuccess: (saved) => queryClient.setQueryData(trpc.checkouts.settings.queryKey(), saved),
  }));
  // Leaving with edits not saved asks first (a setting changes live sending: never saved on its own).
  useLeaveGuard(differs(minutes, current.data?.abandonedAfterMinutes));
  if (minutes === null) return <Spinner />;
  const error = fieldErrors(save.error).abandonedAfterMinutes;

  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="abandoned-checkouts">
      <h2 className="text-base font-semibold text-slate-900">{t('settings.title')}</h2>
      <p className="mt-1 text-sm text-slate-500">{t('settings.subtitle')}</p>
      <div className="mt-5 space-y-5">
        <div>
          <label className="text-sm font-medium text-slate-700" htmlFor="abandoned-after">{t('settings.delay')}</label>
          <div className="mt-2 flex flex-wrap items-center gap-2 pl-6 text-sm text-slate-600">
            {t('settings.delayBefore', { count: minutes })}
            <input id="abandoned-after" type="number" min={10} max={10080} className={`${numberInputClass} w-24`} value={minutes}
              disabled={!mayEdit} onChange={(e) => { setMinutes(Number(e.target.value)); save.reset(); }} />
            {t('settings.delayAfter', { count: minutes })}
          </div>
          <p className="mt-1 pl-6 text-xs text-slate-500">{t('settings.delayHelp')}</p>
          {error && <p className="mt-1 pl-6 text-xs text-rose-600">{error}</p>}
        </div>
        <div className="flex items-center gap-3">
          {!mayEdit && <span className="text-xs text-slate-500" data-testid="checkouts-read-only">{t('settings.readOnly')}</span>}
          {mayEdit && (
            <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate({ abandonedAfterMinutes: minutes })}>
              {t('settings.save')}
            </Button>
          )}
          {save.isSuccess && <span className="text-xs text-emerald-600">{t('settings.saved')}</span>}
          {save.isError && !error && <span className="text-xs text-rose-600">{save.error.message}</span>}
        </div>
      </div>
    </section>
  );
}
