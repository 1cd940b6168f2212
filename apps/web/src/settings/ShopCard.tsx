// The shop's name and web address: what emails call the shop ({{ shop.name }}) and where
// their shop and review links point ({{ shop.url }}, "rate this" links). Owners and marketers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../trpc';
import { Button, inputClass, Spinner } from '../ui/kit';
import { fieldErrors } from './SettingsPage';

export function ShopCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.shop.get.queryOptions());
  const [form, setForm] = useState<{ name: string; url: string } | null>(null);
  useEffect(() => {
    if (current.data && !form) setForm({ name: current.data.name, url: current.data.urlIsDefault ? '' : current.data.url });
  }, [current.data, form]);
  const save = useMutation(trpc.shop.save.mutationOptions({
    onSuccess: (saved) => {
      queryClient.setQueryData(trpc.shop.get.queryKey(), saved);
      // The header names the workspace by the shop's name.
      void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
    },
  }));
  if (!form) return <Spinner />;
  const errors = fieldErrors(save.error);
  const set = (next: Partial<typeof form>) => { setForm({ ...form, ...next }); save.reset(); };
  const field = (key: 'name' | 'url', label: string, placeholder: string, help: string) => (
    <div>
      <label htmlFor={`shop-${key}`} className="mb-1 block text-xs font-semibold text-slate-700">{label}</label>
      <input id={`shop-${key}`} className={`${inputClass} ${errors[key] ? 'bg-rose-50/40 ring-rose-300' : ''}`} value={form[key]}
        placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value })} />
      {errors[key]
        ? <p className="mt-1 text-xs font-medium text-rose-600" data-testid={`shop-error-${key}`}>{errors[key]}</p>
        : <p className="mt-1 text-xs text-slate-500">{help}</p>}
    </div>
  );

  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="shop-settings">
      <h2 className="text-base font-semibold text-slate-900">Your shop</h2>
      <p className="mt-1 text-sm text-slate-500">How emails name your shop, and where their shop and review links lead.</p>
      <div className="mt-5 grid gap-4 sm:grid-cols-2">
        {field('name', 'Shop name', 'Trail & Co', 'In emails as {{ shop.name }}')}
        {field('url', 'Shop web address', 'https://shop.example.com',
          current.data?.urlIsDefault ? 'Not set: emails link to https://shop.example, a placeholder' : 'Review links: …/products/<id>/review')}
      </div>
      <div className="mt-5 flex items-center gap-3">
        <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate(form)}>Save shop</Button>
        {save.isSuccess && <span className="text-xs text-emerald-600">Saved ✓</span>}
        {save.isError && Object.keys(errors).length === 0 && <span className="text-xs text-rose-600">{save.error.message}</span>}
      </div>
    </section>
  );
}
