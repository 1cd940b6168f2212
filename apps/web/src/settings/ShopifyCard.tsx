// The Shopify connection: where to point the shop's webhooks, and the secret that
// proves they come from the shop.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Badge, Button, Card, formatDate, inputClass } from '../ui/kit';
import { Icon } from '../ui/icons';
import { useLocale } from '../ui/locale';
import { CopyField } from './CopyField';
import { fieldErrors } from './SettingsPage';

export function ShopifyCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  useLocale(); // the connection's date follows a language switch
  const connection = useQuery({ ...trpc.settings.shopify.get.queryOptions(), retry: false });
  // The server's handlers, so the list never falls behind what the webhook accepts.
  const topics = useQuery({ ...trpc.settings.shopify.topics.queryOptions(), staleTime: Infinity });
  const [secret, setSecret] = useState('');
  const [domain, setDomain] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.settings.shopify.get.queryKey() });
  const save = useMutation(trpc.settings.shopify.set.mutationOptions({ onSuccess: () => { setSecret(''); void refresh(); } }));
  const remove = useMutation(trpc.settings.shopify.remove.mutationOptions({ onSuccess: () => void refresh() }));
  const errors = fieldErrors(save.error);
  const current = connection.data;
  return (
    <section aria-labelledby="shopify-title">
      <div className="mb-3">
        <h2 id="shopify-title" className="flex items-center gap-2 text-base font-semibold text-slate-900">
          {t('shopify.title')} {current ? <Badge tone="live"><span className="h-1.5 w-1.5 rounded-full bg-emerald-500" />{t('shopify.connected')}</Badge> : <Badge tone="draft">{t('shopify.notConnected')}</Badge>}
        </h2>
        <p className="mt-0.5 max-w-2xl text-sm text-slate-500">
          {t('shopify.intro')}
        </p>
      </div>
      <Card className="space-y-5 p-5">
        <div>
          <div className="mb-1.5 text-xs font-medium uppercase tracking-wide text-slate-400">{t('shopify.url')}</div>
          <CopyField value={`${window.location.origin}/webhooks/shopify`} label={t('shopify.url')} testId="shopify-url" />
          <div className="mt-2 flex flex-wrap gap-1.5" data-testid="shopify-topics">
            {(topics.data ?? []).map((topic) => <span key={topic} className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-600">{topic}</span>)}
          </div>
          <p className="mt-2 text-xs text-slate-500">
            <Trans t={t} i18nKey="shopify.events" values={{ shipped: 'order_shipped', completed: 'Order Completed' }} components={{ b: <b /> }} />
          </p>
        </div>
        {current && (
          <div className="flex items-center gap-3 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-200" data-testid="shopify-connection">
            <Icon name="check" className="h-4 w-4" />
            <div className="flex-1">
              <Trans t={t} i18nKey="shopify.accepting" components={{ b: <b /> }} values={{
                shop: current.shopDomain ?? t('shopify.anyShop'), hint: current.secretHint, date: formatDate(current.createdAt, false),
              }} />
            </div>
            <Button variant="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>{t('shopify.disconnect')}</Button>
          </div>
        )}
        <form className="grid gap-4 sm:grid-cols-2" onSubmit={(e) => { e.preventDefault(); save.mutate({ secret, shopDomain: domain.trim() || null }); }}>
          <label className="block text-sm font-medium text-slate-700">
            {t('shopify.secret')}
            <input type="password" className={`${inputClass} mt-1.5`} value={secret} onChange={(e) => setSecret(e.target.value)}
              placeholder={current ? t('shopify.secretReplace') : t('shopify.secretFrom')} autoComplete="off" />
            {errors.secret && <span className="mt-1 block text-sm font-normal text-rose-600" role="alert">{errors.secret}</span>}
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t('shopify.domain')} <span className="font-normal text-slate-400">{t('optional')}</span>
            <input className={`${inputClass} mt-1.5`} value={domain} onChange={(e) => setDomain(e.target.value)} placeholder={t('shopify.domainPlaceholder')} />
            {errors.shopDomain && <span className="mt-1 block text-sm font-normal text-rose-600" role="alert">{errors.shopDomain}</span>}
          </label>
          <div className="sm:col-span-2 flex justify-end">
            <Button variant="primary" type="submit" disabled={save.isPending || !secret}>{current ? t('shopify.replace') : t('shopify.connect')}</Button>
          </div>
        </form>
      </Card>
    </section>
  );
}
