// Ingestion keys: create one (shown once, with a ready-to-run example), see them by
// prefix, revoke one (refused from the next request on).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useTRPC, type Api, type inferOutput } from '../trpc';
import { Badge, Button, Card, Dialog, formatDate, inputClass } from '../ui/kit';
import { Icon } from '../ui/icons';
import { useLocale } from '../ui/locale';
import { CopyField } from './CopyField';
import { fieldErrors } from './SettingsPage';

type Key = inferOutput<Api['settings']['ingestKeys']['list']>[number];
type Created = inferOutput<Api['settings']['ingestKeys']['create']>;

function NewKeyDialog({ onClose }: { onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const create = useMutation(trpc.settings.ingestKeys.create.mutationOptions({
    onSuccess: (key) => {
      setCreated(key);
      void queryClient.invalidateQueries({ queryKey: trpc.settings.ingestKeys.list.queryKey() });
    },
  }));
  const errors = fieldErrors(create.error);
  if (created) {
    const example = `curl -u "${created.key}:" ${window.location.origin}/v1/track \\\n  -H 'content-type: application/json' \\\n  -d '{"userId":"cust_0001","event":"Signed Up"}'`;
    return (
      <Dialog title={t('keys.ready', { label: created.label })} onClose={onClose}>
        <p className="mb-3 text-sm text-slate-600"><Trans t={t} i18nKey="keys.copyNow" components={{ b: <b /> }} /></p>
        <CopyField value={created.key} label={t('keys.newKey')} testId="new-key" />
        <p className="mb-2 mt-4 text-xs font-medium uppercase tracking-wide text-slate-400">{t('keys.tryIt')}</p>
        <CopyField value={example} label={t('keys.example')} multiline />
        <div className="mt-5 flex justify-end"><Button variant="primary" icon="check" onClick={onClose}>{t('keys.copied')}</Button></div>
      </Dialog>
    );
  }
  return (
    <Dialog title={t('keys.newTitle')} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate({ label }); }}>
        <label className="block text-sm font-medium text-slate-700" htmlFor="key-label">{t('keys.whatUses')}</label>
        <input id="key-label" className={`${inputClass} mt-1.5`} value={label} onChange={(e) => setLabel(e.target.value)}
          placeholder={t('keys.whatUsesPlaceholder')} maxLength={100} />
        {errors.label && <p className="mt-1.5 text-sm text-rose-600" role="alert">{errors.label}</p>}
        {create.error && !errors.label && <p className="mt-1.5 text-sm text-rose-600" role="alert">{create.error.message}</p>}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" icon="key" disabled={create.isPending}>{t('keys.create')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

function KeyRow({ k }: { k: Key }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('settings');
  useLocale(); // dates follow a language switch
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(trpc.settings.ingestKeys.revoke.mutationOptions({
    onSuccess: () => { setConfirming(false); void queryClient.invalidateQueries({ queryKey: trpc.settings.ingestKeys.list.queryKey() }); },
  }));
  return (
    <li className={`flex items-center gap-4 px-5 py-3 ${k.revokedAt ? 'opacity-60' : ''}`} data-testid="key-row">
      <div className="rounded-lg bg-violet-50 p-2 text-violet-600"><Icon name="key" /></div>
      <div className="min-w-0 flex-1">
        <div className="truncate text-sm font-medium text-slate-900">{k.label || t('keys.unnamed')}</div>
        <div className="font-mono text-xs text-slate-500">{k.prefix}…</div>
      </div>
      <div className="text-right text-xs text-slate-500">
        <div>{t('keys.created', { date: formatDate(k.createdAt, false) })}</div>
        {k.revokedAt && <div>{t('keys.revokedOn', { date: formatDate(k.revokedAt, false) })}</div>}
      </div>
      {k.revokedAt ? <Badge tone="draft">{t('keys.revoked')}</Badge> : <Badge tone="live"><span className="h-1.5 w-1.5 rounded-full bg-emerald-500" />{t('keys.active')}</Badge>}
      <div className="w-40 text-right">
        {!k.revokedAt && !confirming && <Button variant="ghost" onClick={() => setConfirming(true)}>{t('keys.revoke')}</Button>}
        {!k.revokedAt && confirming && (
          <span className="inline-flex gap-1">
            <Button variant="ghost" onClick={() => setConfirming(false)}>{t('keep')}</Button>
            <Button variant="danger" onClick={() => revoke.mutate({ id: k.id })} disabled={revoke.isPending}>{t('keys.revokeNow')}</Button>
          </span>
        )}
        {revoke.error && <div className="mt-1 text-xs text-rose-600" role="alert">{revoke.error.message}</div>}
      </div>
    </li>
  );
}

export function IngestKeysCard({ keys }: { keys: Key[] }) {
  const { t } = useTranslation('settings');
  const [creating, setCreating] = useState(false);
  const active = keys.filter((k) => !k.revokedAt).length;
  return (
    <section aria-labelledby="keys-title">
      <div className="mb-3 flex items-end justify-between">
        <div>
          <h2 id="keys-title" className="text-base font-semibold text-slate-900">{t('keys.title')}</h2>
          <p className="mt-0.5 max-w-2xl text-sm text-slate-500">
            <Trans t={t} i18nKey="keys.intro" values={{ origin: window.location.origin, count: active }}
              components={{ code: <code className="rounded bg-slate-100 px-1 text-slate-700" /> }} />
          </p>
        </div>
        <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>{t('keys.new')}</Button>
      </div>
      <Card>
        {keys.length === 0
          ? <p className="px-5 py-8 text-center text-sm text-slate-500">{t('keys.none')}</p>
          : <ul className="divide-y divide-slate-100" data-testid="key-list">{keys.map((k) => <KeyRow key={k.id} k={k} />)}</ul>}
      </Card>
      {creating && <NewKeyDialog onClose={() => setCreating(false)} />}
    </section>
  );
}
