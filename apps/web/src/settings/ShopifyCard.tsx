// The Shopify connection: where to point the shop's webhooks, and the secret that
// proves they come from the shop.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc';
import { Badge, Button, Card, formatDate, inputClass } from '../ui/kit';
import { Icon } from '../ui/icons';
import { CopyField } from './CopyField';
import { fieldErrors } from './SettingsPage';

const TOPICS = ['orders/create', 'orders/fulfilled', 'orders/cancelled', 'customers/create', 'customers/update', 'products/create', 'products/update'];

export function ShopifyCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connection = useQuery({ ...trpc.settings.shopify.get.queryOptions(), retry: false });
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
          Shopify {current ? <Badge tone="live"><span className="h-1.5 w-1.5 rounded-full bg-emerald-500" />connected</Badge> : <Badge tone="draft">not connected</Badge>}
        </h2>
        <p className="mt-0.5 max-w-2xl text-sm text-slate-500">
          In Shopify admin, under Settings → Notifications → Webhooks, add a JSON webhook to this URL for each event below, then paste the signing secret Shopify shows there.
        </p>
      </div>
      <Card className="space-y-5 p-5">
        <div>
          <div className="mb-1.5 text-xs font-medium uppercase tracking-wide text-slate-400">Webhook URL</div>
          <CopyField value={`${window.location.origin}/webhooks/shopify`} label="webhook URL" testId="shopify-url" />
          <div className="mt-2 flex flex-wrap gap-1.5">
            {TOPICS.map((t) => <span key={t} className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-600">{t}</span>)}
          </div>
          <p className="mt-2 text-xs text-slate-500">A fulfilled order counts as <b>order_shipped</b> in journey triggers; a new order as <b>Order Completed</b>.</p>
        </div>
        {current && (
          <div className="flex items-center gap-3 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-200" data-testid="shopify-connection">
            <Icon name="check" className="h-4 w-4" />
            <div className="flex-1">
              Accepting webhooks from <b>{current.shopDomain ?? 'any shop signing with the secret'}</b>, secret ending {current.secretHint}, set {formatDate(current.createdAt, false)}.
            </div>
            <Button variant="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>Disconnect</Button>
          </div>
        )}
        <form className="grid gap-4 sm:grid-cols-2" onSubmit={(e) => { e.preventDefault(); save.mutate({ secret, shopDomain: domain.trim() || null }); }}>
          <label className="block text-sm font-medium text-slate-700">
            Signing secret
            <input type="password" className={`${inputClass} mt-1.5`} value={secret} onChange={(e) => setSecret(e.target.value)}
              placeholder={current ? 'Paste a new secret to replace it' : 'From Shopify’s webhook settings'} autoComplete="off" />
            {errors.secret && <span className="mt-1 block text-sm font-normal text-rose-600" role="alert">{errors.secret}</span>}
          </label>
          <label className="block text-sm font-medium text-slate-700">
            Shop domain <span className="font-normal text-slate-400">(optional)</span>
            <input className={`${inputClass} mt-1.5`} value={domain} onChange={(e) => setDomain(e.target.value)} placeholder="my-shop.myshopify.com" />
            {errors.shopDomain && <span className="mt-1 block text-sm font-normal text-rose-600" role="alert">{errors.shopDomain}</span>}
          </label>
          <div className="sm:col-span-2 flex justify-end">
            <Button variant="primary" type="submit" disabled={save.isPending || !secret}>{current ? 'Replace secret' : 'Connect Shopify'}</Button>
          </div>
        </form>
      </Card>
    </section>
  );
}
