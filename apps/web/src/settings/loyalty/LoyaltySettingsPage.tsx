// Settings > Loyalty: the programme in one screen (earning rules, tiers, rewards, milestones,
// expiry), saved as a whole. The server checks it and names each bad field; its message, in the
// user's language, appears beneath that field. Everyone may look; marketers and up may save.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { Link } from '../../app/router';
import { useTRPC } from '../../trpc';
import { Button, ErrorNote, PageHeader, Spinner } from '../../ui/kit';
import { fieldErrors } from '../SettingsPage';
import { EarningSection } from './EarningSection';
import { ExpirySection } from './ExpirySection';
import { MilestonesSection } from './MilestonesSection';
import { RewardsSection } from './RewardsSection';
import { TiersSection } from './TiersSection';
import type { LoyaltySettings } from './types';

export function LoyaltySettingsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('loyalty');
  const current = useQuery(trpc.loyalty.settings.queryOptions());
  const mayEdit = useCan()('loyalty.saveSettings');
  const [draft, setDraft] = useState<LoyaltySettings | null>(null);
  useEffect(() => { if (current.data && !draft) setDraft(current.data); }, [current.data, draft]);
  const save = useMutation(trpc.loyalty.saveSettings.mutationOptions({
    onSuccess: (saved) => { queryClient.setQueryData(trpc.loyalty.settings.queryKey(), saved); setDraft(saved); },
  }));
  if (current.isError) return <div className="p-8"><ErrorNote error={current.error} /></div>;
  if (!draft) return <div className="p-8"><Spinner /></div>;
  const errors = fieldErrors(save.error);
  const section = <K extends keyof LoyaltySettings>(key: K) => ({
    value: draft[key], errors, disabled: !mayEdit,
    onChange: (next: LoyaltySettings[K]) => { setDraft({ ...draft, [key]: next }); save.reset(); },
  });
  const [earning, tiers, rewards, milestones, expiry] = [section('earning'), section('tiers'), section('rewards'), section('milestones'), section('expiry')];
  const status = (
    <div className="flex items-center gap-3">
      {save.isSuccess && <span className="text-xs text-emerald-600">{t('saved')}</span>}
      {save.isError && <span className="text-xs text-rose-600" role="alert">{Object.keys(errors).length ? t('fixFields') : save.error.message}</span>}
      {mayEdit
        ? <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate(draft)}>{t('save')}</Button>
        : <span className="text-xs text-slate-500" data-testid="loyalty-read-only">{t('readOnly')}</span>}
    </div>
  );
  return (
    <div className="mx-auto max-w-4xl p-8" data-testid="loyalty-settings">
      <Link to="/settings" className="text-sm text-violet-700 hover:underline">{t('back')}</Link>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={status} />
      <div className="space-y-8">
        <EarningSection {...earning} />
        <TiersSection {...tiers} />
        <RewardsSection {...rewards} />
        <MilestonesSection {...milestones} />
        <ExpirySection {...expiry} />
      </div>
      <div className="mt-8 flex justify-end">{status}</div>
    </div>
  );
}
