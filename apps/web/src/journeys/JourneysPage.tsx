import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { preloadPage } from '../app/pages';
import { Link, useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { Button, Card, Dialog, EmptyState, ErrorNote, inputClass, PageHeader, relativeTime, Spinner, StatusBadge } from '../ui/kit';

export function JourneysPage() {
  const trpc = useTRPC();
  const journeys = useQuery(trpc.journeys.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const newButton = <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>New journey</Button>;
  return (
    <div className="mx-auto max-w-5xl p-8">
      <PageHeader title="Journeys" subtitle="Automated paths your customers walk after they buy." actions={newButton} />
      {journeys.isPending && <Spinner />}
      {journeys.isError && <ErrorNote error={journeys.error} />}
      {journeys.data?.length === 0 && (
        <EmptyState icon="journeys" title="No journeys yet" action={newButton}>
          A journey starts when a customer does something (say, completes an order), then waits, checks who
          they are and sends the right email or reward at the right moment. Draw one on the canvas, publish
          it, and every customer who qualifies walks it on their own clock.
        </EmptyState>
      )}
      {journeys.data && journeys.data.length > 0 && (
        <Card className="overflow-hidden">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-3">Journey</th><th className="px-5 py-3">Status</th><th className="px-5 py-3">Version</th>
                <th className="px-5 py-3 text-right">Active runs</th><th className="px-5 py-3 text-right">Total runs</th>
                <th className="px-5 py-3 text-right">Edited</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {journeys.data.map((j) => (
                <tr key={j.id} className="hover:bg-slate-50" data-testid={`journey-row-${j.id}`}>
                  <td className="px-5 py-3"><Link to={`/journeys/${j.id}`} onMouseEnter={() => preloadPage(`/journeys/${j.id}`)} className="font-medium text-slate-900 hover:text-violet-700">{j.name}</Link></td>
                  <td className="px-5 py-3"><StatusBadge status={j.status} /></td>
                  <td className="px-5 py-3 text-slate-600">{j.currentVersion ? `v${j.currentVersion}` : '—'}</td>
                  <td className="px-5 py-3 text-right tabular-nums">{j.runs.active.toLocaleString()}</td>
                  <td className="px-5 py-3 text-right tabular-nums text-slate-600">{j.runs.total.toLocaleString()}</td>
                  <td className="px-5 py-3 text-right text-slate-500">{relativeTime(j.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {creating && <NewJourneyDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function NewJourneyDialog({ onClose }: { onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const [name, setName] = useState('');
  const create = useMutation(trpc.journeys.create.mutationOptions({
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
      navigate(`/journeys/${id}`);
    },
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) create.mutate({ name: name.trim() });
  };
  return (
    <Dialog title="New journey" onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <label className="block text-sm font-medium text-slate-700">
          Name
          <input className={`${inputClass} mt-1`} value={name} onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Review request after delivery" maxLength={120} />
        </label>
        {create.isError && <p role="alert" className="text-sm text-rose-600">{create.error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!name.trim() || create.isPending}>Create journey</Button>
        </div>
      </form>
    </Dialog>
  );
}
