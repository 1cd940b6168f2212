// Relay webhooks: where Amazon SES (through SNS), SendGrid, Postmark and Mailgun post bounces
// and complaints, and what authenticates each (docs/email.md, "Relay webhooks"). A value saved
// is never shown again, only its last characters.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Badge, Button, Card, inputClass } from '../ui/kit';
import { CopyField } from './CopyField';
import { fieldErrors } from './SettingsPage';

type Provider = 'ses' | 'sendgrid' | 'postmark' | 'mailgun';
// Brand names and the input each relay's credential is sent as.
const RELAYS: ReadonlyArray<{ id: Provider; name: string; field: 'topicArns' | 'publicKey' | 'password' | 'signingKey' }> = [
  { id: 'ses', name: 'Amazon SES (SNS)', field: 'topicArns' },
  { id: 'sendgrid', name: 'SendGrid', field: 'publicKey' },
  { id: 'postmark', name: 'Postmark', field: 'password' },
  { id: 'mailgun', name: 'Mailgun', field: 'signingKey' },
];

function RelayRow({ relay, current }: { relay: (typeof RELAYS)[number]; current: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('relays');
  const [value, setValue] = useState('');
  const done = (saved: unknown) => { setValue(''); queryClient.setQueryData(trpc.settings.relays.get.queryKey(), saved as never); };
  const save = useMutation(trpc.settings.relays.set.mutationOptions({ onSuccess: done }));
  const remove = useMutation(trpc.settings.relays.remove.mutationOptions({ onSuccess: done }));
  const errors = fieldErrors(save.error);
  const url = `${window.location.origin}/webhooks/bounces/${relay.id}`;
  const submit = () => save.mutate(relay.id === 'ses'
    ? { provider: 'ses', topicArns: value.split(/[\s,]+/).filter(Boolean) }
    : { provider: relay.id, [relay.field]: value } as never);
  return (
    <div className="space-y-2 border-t border-slate-100 pt-4 first:border-0 first:pt-0" data-testid={`relay-${relay.id}`}>
      <div className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        {relay.name}
        {current ? <Badge tone="live">{t('set', { hint: current })}</Badge> : <Badge tone="draft">{t('notSet')}</Badge>}
      </div>
      <CopyField value={relay.id === 'postmark' ? url.replace('://', `://postmark:${t('passwordPlaceholder')}@`) : url} label={t('url', { relay: relay.name })} />
      <p className="text-xs text-slate-500">{t(`how.${relay.id}`)}</p>
      <form className="flex flex-wrap items-start gap-2" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <label className="min-w-64 flex-1 text-sm font-medium text-slate-700">
          <input type={relay.id === 'ses' ? 'text' : 'password'} className={inputClass} value={value} autoComplete="off"
            aria-label={t(`field.${relay.id}`)} placeholder={t(`field.${relay.id}`)} onChange={(e) => { setValue(e.target.value); save.reset(); }} />
          {Object.values(errors)[0] && <span className="mt-1 block text-sm font-normal text-rose-600" role="alert">{Object.values(errors)[0]}</span>}
        </label>
        <Button variant="primary" type="submit" disabled={save.isPending || !value.trim()}>{current ? t('replace') : t('save')}</Button>
        {current && <Button variant="danger" onClick={() => remove.mutate({ provider: relay.id })} disabled={remove.isPending}>{t('remove')}</Button>}
      </form>
    </div>
  );
}

export function RelaysCard() {
  const trpc = useTRPC();
  const { t } = useTranslation('relays');
  const settings = useQuery({ ...trpc.settings.relays.get.queryOptions(), retry: false });
  const data = settings.data;
  const hints: Record<Provider, string | null> = {
    ses: data?.ses ? data.ses.topicArns.join(', ') : null,
    sendgrid: data?.sendgrid?.keyHint ?? null, postmark: data?.postmark?.passwordHint ?? null, mailgun: data?.mailgun?.keyHint ?? null,
  };
  return (
    <section aria-labelledby="relays-title">
      <div className="mb-3">
        <h2 id="relays-title" className="text-base font-semibold text-slate-900">{t('title')}</h2>
        <p className="mt-0.5 max-w-2xl text-sm text-slate-500">{t('intro')}</p>
      </div>
      <Card className="space-y-4 p-5">
        {RELAYS.map((relay) => <RelayRow key={relay.id} relay={relay} current={hints[relay.id]} />)}
      </Card>
    </section>
  );
}
