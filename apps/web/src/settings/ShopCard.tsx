// The shop's name and web address: what emails call the shop ({{ shop.name }}) and where
// their shop and review links point ({{ shop.url }}, "rate this" links); and its default
// language and currency, for customers whose own are unknown, and its time zone (when the weekly
// digest's Monday 08:00 is). Owners and marketers.
// The form checks itself with the API's own schema before saving, so a mistake is named beside
// its field in the user's language; the server's refusal (same rules) is shown the same way.
import { LOCALE_NAMES, LOCALES, type Locale } from '@afterglow/i18n';
import { shopSettingsSchema } from '@afterglow/journey-core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Button, inputClass, Spinner } from '../ui/kit';
import { CurrencySelect } from './CurrencySelect';
import { TimeZoneSelect } from './TimeZoneSelect';
import { fieldErrors } from './SettingsPage';
import { useLeaveGuard } from '../app/router';
import { differs } from '../ui/unsaved';

type Field = 'name' | 'url' | 'locale' | 'currency' | 'timeZone';
interface ShopForm { name: string; url: string; locale: Locale; currency: string; timeZone: string }
type Stored = Pick<ShopForm, 'name' | 'locale' | 'currency' | 'timeZone'> & { url: string; urlIsDefault: boolean };

/** The form's values for what is stored (a default address shows as empty). */
const formOf = ({ name, url, urlIsDefault, locale, currency, timeZone }: Stored): ShopForm =>
  ({ name, url: urlIsDefault ? '' : url, locale, currency, timeZone });

/** Each field's first problem as a catalogue key (the schema's own messages are English). */
function problemsOf(form: ShopForm): Partial<Record<Field, string>> {
  const parsed = shopSettingsSchema.safeParse(form);
  const problems: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0] as Field;
    problems[field] ??= field === 'name' && issue.code === 'too_small' ? 'shop.error.nameEmpty'
      : field === 'name' && issue.code === 'too_big' ? 'shop.error.nameLong'
        : `shop.error.${field}`;
  }
  return problems;
}

export function ShopCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  const current = useQuery(trpc.shop.get.queryOptions());
  const [form, setForm] = useState<ShopForm | null>(null);
  const [checked, setChecked] = useState(false); // problems show once a save was tried
  useEffect(() => {
    if (current.data && !form) setForm(formOf(current.data));
  }, [current.data, form]);
  const save = useMutation(trpc.shop.save.mutationOptions({
    onSuccess: (saved) => {
      queryClient.setQueryData(trpc.shop.get.queryKey(), saved);
      // The form shows what was stored (the server tidies the address), so it is not "unsaved" after.
      setForm(formOf(saved));
      // The header names the workspace by the shop's name.
      void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
    },
  }));
  // Leaving with edits not saved asks first (a setting changes live sending: never saved on its own).
  useLeaveGuard(differs(form, current.data && formOf(current.data)));
  if (!form) return <Spinner />;
  const refused = fieldErrors(save.error);
  const problems = checked ? problemsOf(form) : {};
  const errorOf = (key: Field) => (problems[key] ? t(problems[key]) : refused[key]);
  const set = (next: Partial<ShopForm>) => { setForm({ ...form, ...next }); save.reset(); };
  const submit = () => {
    setChecked(true);
    if (Object.keys(problemsOf(form)).length === 0) save.mutate(form);
  };
  const field = (key: Field, label: string, help: string, control: ReactNode) => (
    <div key={key}>
      <label htmlFor={`shop-${key}`} className="mb-1 block text-xs font-semibold text-slate-700">{label}</label>
      {control}
      {errorOf(key)
        ? <p className="mt-1 text-xs font-medium text-rose-600" role="alert" data-testid={`shop-error-${key}`}>{errorOf(key)}</p>
        : <p className="mt-1 text-xs text-slate-500">{help}</p>}
    </div>
  );
  const textInput = (key: 'name' | 'url', placeholder: string) => (
    <input id={`shop-${key}`} className={`${inputClass} ${errorOf(key) ? 'bg-rose-50/40 ring-rose-300' : ''}`} value={form[key]}
      placeholder={placeholder} aria-invalid={errorOf(key) ? true : undefined} onChange={(e) => set({ [key]: e.target.value })} />
  );

  const urlHelp = current.data?.urlIsDefault ? t('shop.urlDefault', { url: 'https://shop.example' }) : t('shop.urlHelp', { path: '…/products/<id>/review' });
  const localeSelect = (
    <select id="shop-locale" className={inputClass} value={form.locale} onChange={(e) => set({ locale: e.target.value as Locale })}>
      {LOCALES.map((l) => <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>)}
    </select>
  );
  const fields = [
    field('name', t('shop.name'), t('shop.nameHelp', { tag: '{{ shop.name }}' }), textInput('name', t('shop.namePlaceholder'))),
    field('url', t('shop.url'), urlHelp, textInput('url', t('shop.urlPlaceholder'))),
    field('locale', t('shop.locale'), t('shop.localeHelp'), localeSelect),
    field('currency', t('shop.currency'), t('shop.currencyHelp'),
      <CurrencySelect id="shop-currency" value={form.currency} onChange={(currency) => set({ currency })} />),
    field('timeZone', t('shop.timeZone'), t('shop.timeZoneHelp'),
      <TimeZoneSelect id="shop-timeZone" value={form.timeZone} invalid={!!errorOf('timeZone')} onChange={(timeZone) => set({ timeZone })} />),
  ];

  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="shop-settings">
      <h2 className="text-base font-semibold text-slate-900">{t('shop.title')}</h2>
      <p className="mt-1 text-sm text-slate-500">{t('shop.subtitle')}</p>
      <div className="mt-5 grid gap-4 sm:grid-cols-2">
        {fields}
      </div>
      <div className="mt-5 flex items-center gap-3">
        <Button variant="primary" disabled={save.isPending} onClick={submit}>{t('shop.save')}</Button>
        {save.isSuccess && <span className="text-xs text-emerald-600">{t('saved')}</span>}
        {save.isError && Object.keys(refused).length === 0 && <span className="text-xs text-rose-600">{save.error.message}</span>}
      </div>
    </section>
  );
}
