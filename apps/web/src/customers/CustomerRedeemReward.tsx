// "Redeem reward" on the customer page: staff spend the customer's points on one of the shop's
// rewards (a customer asking at the till or on the phone). The dialog lists the rewards on offer
// with their cost against the balance; a redemption shows the coupon code issued. The server
// takes the points and issues the code in one transaction and refuses what the balance cannot pay.
import { formatNumber } from '@afterglow/i18n';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/me';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Button, Dialog } from '../ui/kit';
import { useLocale } from '../ui/locale';

export function CustomerRedeemReward({ customerId, balance }: { customerId: string; balance: number }) {
  const { t } = useTranslation('loyalty');
  const [open, setOpen] = useState(false);
  if (!useCan()('loyalty.redeem')) return null;
  return (
    <>
      <Button icon="gift" onClick={() => setOpen(true)} data-testid="redeem-reward">{t('redeem.action')}</Button>
      {open && <RedeemDialog customerId={customerId} balance={balance} onClose={() => setOpen(false)} />}
    </>
  );
}

function RedeemDialog({ customerId, balance, onClose }: { customerId: string; balance: number; onClose(): void }) {
  const { t } = useTranslation('loyalty');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rewards = (useQuery(trpc.loyalty.settings.queryOptions()).data?.rewards ?? []).filter((r) => r.enabled);
  const redeem = useMutation(trpc.loyalty.redeem.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.customers.get.queryKey({ id: customerId }) }),
  }));
  const left = redeem.data?.balance ?? balance;
  return (
    <Dialog title={t('redeem.title')} onClose={onClose}>
      <p className="text-sm text-slate-600">{t('redeem.balance', { points: formatNumber(locale, left), count: left })}</p>
      {redeem.data && (
        <div className="mt-3 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800 ring-1 ring-emerald-200" data-testid="redeemed-coupon">
          {t('redeem.done', { reward: redeem.data.rewardName })}
          <div className="mt-1 font-mono text-base font-semibold tracking-wider">{redeem.data.coupon.code}</div>
        </div>
      )}
      {redeem.isError && <p className="mt-3 text-sm text-rose-600" role="alert">{redeem.error.message}</p>}
      {rewards.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500" data-testid="redeem-no-rewards">
          {t('redeem.none')} <Link to="/settings/loyalty" className="text-violet-700 hover:underline">{t('redeem.setUp')}</Link>
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100">
          {rewards.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-3 py-2">
              <div className="min-w-0">
                <div className="truncate text-sm font-medium text-slate-800">{r.name}</div>
                <div className="text-xs text-slate-500">{t('redeem.cost', { points: formatNumber(locale, r.points), count: r.points })}</div>
              </div>
              <Button variant="primary" disabled={redeem.isPending || left < r.points}
                onClick={() => redeem.mutate({ customerId, rewardId: r.id })}>{t('redeem.confirm')}</Button>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-5 flex justify-end"><Button onClick={onClose}>{t('redeem.close')}</Button></div>
    </Dialog>
  );
}
