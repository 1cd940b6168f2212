import { useQuery } from '@tanstack/react-query';
import { Link, useRouter } from '../app/router';
import { useTRPC } from '../trpc';
import { Button, Card, EmptyState, ErrorNote, PageHeader, Spinner } from '../ui/kit';

export function SegmentsPage() {
  const trpc = useTRPC();
  const { navigate } = useRouter();
  const segments = useQuery(trpc.segments.list.queryOptions());
  const newButton = <Button variant="primary" icon="plus" onClick={() => navigate('/segments/new')}>New segment</Button>;
  return (
    <div className="mx-auto max-w-5xl p-8">
      <PageHeader title="Segments" subtitle="Saved groups of customers, kept up to date from their profile and order history." actions={newButton} />
      {segments.isPending && <Spinner />}
      {segments.isError && <ErrorNote error={segments.error} />}
      {segments.data?.length === 0 && (
        <EmptyState icon="segments" title="No segments yet" action={newButton}>
          A segment is a rule such as “bought in Running in the last 90 days” or “3 or more orders”. Use it in a
          journey’s condition to send VIPs one way and everyone else another.
        </EmptyState>
      )}
      {segments.data && segments.data.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2">
          {segments.data.map((s) => (
            <Link key={s.id} to={`/segments/${s.id}`} data-testid={`segment-${s.id}`}>
              <Card className="h-full p-5 transition hover:shadow-md hover:ring-violet-300">
                <div className="flex items-start justify-between gap-3">
                  <h3 className="font-semibold text-slate-900">{s.name}</h3>
                  <span className="shrink-0 rounded-full bg-violet-50 px-2.5 py-0.5 text-sm font-semibold tabular-nums text-violet-700">
                    {s.memberCount.toLocaleString()}
                  </span>
                </div>
                <p className="mt-1 text-sm text-slate-500">{s.description || 'No description'}</p>
                <p className="mt-3 text-xs text-slate-400">{s.memberCount === 1 ? '1 customer' : `${s.memberCount.toLocaleString()} customers`}, kept up to date</p>
              </Card>
            </Link>
          ))}
        </div>
      )}
    </div>
  );
}
