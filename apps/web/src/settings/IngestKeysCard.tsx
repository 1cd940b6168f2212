// Ingestion keys: create one (shown once, with a ready-to-run example), see them by
// prefix, revoke one (refused from the next request on).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC, type Api, type inferOutput } from '../trpc';
import { Badge, Button, Card, Dialog, formatDate, inputClass } from '../ui/kit';
import { Icon } from '../ui/icons';
import { CopyField } from './CopyField';
import { fieldErrors } from './SettingsPage';

type Key = inferOutput<Api['settings']['ingestKeys']['list']>[number];
type Created = inferOutput<Api['settings']['ingestKeys']['create']>;

function NewKeyDialog({ onClose }: { onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
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
      <Dialog title={`Key “${created.label}” is ready`} onClose={onClose}>
        <p className="mb-3 text-sm text-slate-600">Copy it now: Afterglow keeps only a fingerprint and <b>cannot show it again</b>.</p>
        <CopyField value={created.key} label="new ingestion key" testId="new-key" />
        <p className="mb-2 mt-4 text-xs font-medium uppercase tracking-wide text-slate-400">Try it</p>
        <CopyField value={example} label="example request" multiline />
        <div className="mt-5 flex justify-end"><Button variant="primary" icon="check" onClick={onClose}>I have copied it</Button></div>
      </Dialog>
    );
  }
  return (
    <Dialog title="New ingestion key" onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate({ label }); }}>
        <label className="block text-sm font-medium text-slate-700" htmlFor="key-label">What will use it?</label>
        <input id="key-label" className={`${inputClass} mt-1.5`} value={label} onChange={(e) => setLabel(e.target.value)}
          placeholder="e.g. Storefront, Mobile app, Data warehouse" maxLength={100} />
        {errors.label && <p className="mt-1.5 text-sm text-rose-600" role="alert">{errors.label}</p>}
        {create.error && !errors.label && <p className="mt-1.5 text-sm text-rose-600" role="alert">{create.error.message}</p>}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" icon="key" disabled={create.isPending}>Create key</Button>
        </div>
      </form>
    </Dialog>
  );
}

function KeyRow({ k }: { k: Key }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(trpc.settings.ingestKeys.revoke.mutationOptions({
    onSuccess: () => { setConfirming(false); void queryClient.invalidateQueries({ queryKey: trpc.settings.ingestKeys.list.queryKey() }); },
  }));
  return (
    <li className={`flex items-center gap-4 px-5 py-3 ${k.revokedAt ? 'opacity-60' : ''}`} data-testid="key-row">
      <div className="rounded-lg bg-violet-50 p-2 text-violet-600"><Icon name="key" /></div>
      <div className="min-w-0 flex-1">
        <div className="truncate text-sm font-medium text-slate-900">{k.label || 'Unnamed key'}</div>
        <div className="font-mono text-xs text-slate-500">{k.prefix}…</div>
      </div>
      <div className="text-right text-xs text-slate-500">
        <div>Created {formatDate(k.createdAt, false)}</div>
        {k.revokedAt && <div>Revoked {formatDate(k.revokedAt, false)}</div>}
      </div>
      {k.revokedAt ? <Badge tone="draft">revoked</Badge> : <Badge tone="live"><span className="h-1.5 w-1.5 rounded-full bg-emerald-500" />active</Badge>}
      <div className="w-40 text-right">
        {!k.revokedAt && !confirming && <Button variant="ghost" onClick={() => setConfirming(true)}>Revoke</Button>}
        {!k.revokedAt && confirming && (
          <span className="inline-flex gap-1">
            <Button variant="ghost" onClick={() => setConfirming(false)}>Keep</Button>
            <Button variant="danger" onClick={() => revoke.mutate({ id: k.id })} disabled={revoke.isPending}>Revoke now</Button>
          </span>
        )}
        {revoke.error && <div className="mt-1 text-xs text-rose-600" role="alert">{revoke.error.message}</div>}
      </div>
    </li>
  );
}

export function IngestKeysCard({ keys }: { keys: Key[] }) {
  const [creating, setCreating] = useState(false);
  const active = keys.filter((k) => !k.revokedAt).length;
  return (
    <section aria-labelledby="keys-title">
      <div className="mb-3 flex items-end justify-between">
        <div>
          <h2 id="keys-title" className="text-base font-semibold text-slate-900">Ingestion keys</h2>
          <p className="mt-0.5 max-w-2xl text-sm text-slate-500">
            Point any Segment library (or plain HTTP) at <code className="rounded bg-slate-100 px-1 text-slate-700">{window.location.origin}</code> and
            use a key as its write key. {active} active {active === 1 ? 'key' : 'keys'}.
          </p>
        </div>
        <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>New key</Button>
      </div>
      <Card>
        {keys.length === 0
          ? <p className="px-5 py-8 text-center text-sm text-slate-500">No keys yet. Create one to start sending events.</p>
          : <ul className="divide-y divide-slate-100" data-testid="key-list">{keys.map((k) => <KeyRow key={k.id} k={k} />)}</ul>}
      </Card>
      {creating && <NewKeyDialog onClose={() => setCreating(false)} />}
    </section>
  );
}
