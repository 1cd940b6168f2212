// The signed-in user's weekly digest opt-in, in their account menu: owners, admins and managers
// may get the week's figures by email each Monday morning (the engine's weekly digest job).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';

export function DigestToggle() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('dashboard');
  const digest = useQuery(trpc.dashboard.digest.queryOptions());
  const save = useMutation(trpc.dashboard.setDigest.mutationOptions({
    onSuccess: (saved) => queryClient.setQueryData(trpc.dashboard.digest.queryKey(), saved),
  }));
  return (
    <label className="flex items-start gap-2 border-b border-slate-100 px-3 py-2 text-sm text-slate-700">
      <input type="checkbox" className="mt-0.5" data-testid="digest-toggle" checked={digest.data?.enabled ?? false}
        disabled={!digest.data || save.isPending} onChange={(e) => save.mutate({ enabled: e.target.checked })} />
      <span>{t('digest.toggle')}<span className="block text-xs text-slate-500">{t('digest.hint')}</span></span>
    </label>
  );
}
