// One customer: profile, loyalty, orders with items, recent events, journeys, segments.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Icon } from '../ui/icons';
import { Badge, Card, ErrorNote, formatDate, Spinner } from '../ui/kit';
import { CustomerActivity } from './CustomerActivity';

export function CustomerPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const customer = useQuery({ ...trpc.customers.get.queryOptions({ id }), refetchInterval: 5000 });
  if (customer.isPending) return <Spinner />;
  if (customer.isError) return <ErrorNote error={customer.error} />;
  const { profile, loyalty, segments } = customer.data;
  const fullName = [profile.firstName, profile.lastName].filter(Boolean).join(' ') || 'Unnamed customer';
  return (
    <div className="mx-auto max-w-6xl p-8">
      <Link to="/customers" className="mb-4 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800"><Icon name="arrowLeft" /> Customers</Link>
      <div className="mb-6 flex items-center gap-4">
        <div className="flex h-14 w-14 items-center justify-center rounded-full bg-gradient-to-br from-violet-500 to-fuchsia-400 text-lg font-semibold text-white">
          {(profile.firstName?.[0] ?? '') + (profile.lastName?.[0] ?? '') || '?'}
        </div>
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{fullName}</h1>
          <p className="text-sm text-slate-500">{profile.email ?? 'No email'} · <span className="font-mono text-xs">{profile.id}</span></p>
        </div>
        <div className="ml-auto text-right">
          <div className="text-xs font-semibold uppercase tracking-wide text-slate-500">Loyalty points</div>
          <div className="text-3xl font-semibold tabular-nums text-violet-700" data-testid="loyalty-balance">{loyalty.balance.toLocaleString()}</div>
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[320px_minmax(0,1fr)]">
        <div className="space-y-6">
          <Section title="Profile">
            <dl className="space-y-2 text-sm">
              <Row label="Time zone">{profile.timezone}</Row>
              <Row label="Birthday">{profile.birthday ? formatDate(profile.birthday, false) : '—'}</Row>
              <Row label="Marketing">{profile.marketingConsent ? 'Subscribed' : 'Unsubscribed'}</Row>
              <Row label="Customer since">{formatDate(profile.createdAt, false)}</Row>
              {Object.entries(profile.attributes ?? {}).map(([k, v]) => <Row key={k} label={k}>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</Row>)}
            </dl>
          </Section>
          <Section title="Segments">
            {segments.length === 0 ? <p className="text-sm text-slate-400">In no saved segment.</p> : (
              <div className="flex flex-wrap gap-2">{segments.map((s) => <Link key={s.id} to={`/segments/${s.id}`}><Badge tone="info">{s.name}</Badge></Link>)}</div>
            )}
          </Section>
          <Section title="Points history">
            {loyalty.ledger.length === 0 ? <p className="text-sm text-slate-400">No points yet.</p> : (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="loyalty-ledger">
                {loyalty.ledger.map((l) => (
                  <li key={l.id} className="flex items-center justify-between py-2">
                    <div><div className="text-slate-700">{l.reason}</div><div className="text-xs text-slate-400">{formatDate(l.createdAt)}</div></div>
                    <span className={`font-semibold tabular-nums ${l.points >= 0 ? 'text-emerald-600' : 'text-rose-600'}`}>{l.points > 0 ? '+' : ''}{l.points}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
        <CustomerActivity data={customer.data} />
      </div>
    </div>
  );
}

export function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <Card className="p-5">
      <div className="mb-3 flex items-center justify-between"><h2 className="text-sm font-semibold text-slate-900">{title}</h2>{aside}</div>
      {children}
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return <div className="flex justify-between gap-4"><dt className="text-slate-500">{label}</dt><dd className="truncate text-right text-slate-800">{children}</dd></div>;
}
