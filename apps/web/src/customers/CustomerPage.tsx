// One customer: profile, loyalty, orders with items, recent events, journeys, segments, and
// their data rights (download, erase) for the roles allowed.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Icon } from '../ui/icons';
import { Badge, Card, ErrorNote, formatDate, Spinner } from '../ui/kit';
import { CustomerActivity } from './CustomerActivity';
import { CustomerCoupons } from './CustomerCoupons';
import { CustomerDataRights } from './CustomerDataRights';

export function CustomerPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const customer = useQuery({ ...trpc.customers.get.queryOptions({ id }), refetchInterval: 5000 });
  if (customer.isPending) return <Spinner />;
  if (customer.isError) return <ErrorNote error={customer.error} />;
  const { profile, loyalty, segments, consent, orderStats } = customer.data;
  const fullName = [profile.firstName, profile.lastName].filter(Boolean).join(' ') || 'Unnamed customer';
  return (
    <div className="mx-auto max-w-6xl p-8">
      <div className="mb-4 flex items-center justify-between gap-4">
        <Link to="/customers" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800"><Icon name="arrowLeft" /> Customers</Link>
        <CustomerDataRights id={profile.id} name={fullName} />
      </div>
      <div className="mb-6 flex items-center gap-4">
        <div className="flex h-14 w-14 items-center justify-center rounded-full bg-gradient-to-br from-violet-500 to-fuchsia-400 text-lg font-semibold text-white">
          {(profile.firstName?.[0] ?? '') + (profile.lastName?.[0] ?? '') || '?'}
        </div>
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{fullName}</h1>
          <p className="text-sm text-slate-500">{profile.email ?? 'No email'} · <span className="font-mono text-xs">{profile.id}</span></p>
        </div>
        <div className="ml-auto flex gap-8 text-right">
          <Fact label="Orders" value={orderStats.orderCount.toLocaleString()} />
          <Fact label="Total spent" value={orderStats.totalSpent.toLocaleString(undefined, customer.data.orders[0]
            ? { style: 'currency', currency: customer.data.orders[0].currency } : { maximumFractionDigits: 2 })} />
          <Fact label="Last order" value={orderStats.lastOrderAt ? formatDate(orderStats.lastOrderAt, false) : '—'} />
        </div>
        <div className="text-right">
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
              <Row label="Customer since">{formatDate(profile.createdAt, false)}</Row>
              {Object.entries(profile.attributes ?? {}).map(([k, v]) => <Row key={k} label={k}>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</Row>)}
            </dl>
          </Section>
          <ConsentSection consent={consent} />
          <Section title="Segments">
            {segments.length === 0 ? <p className="text-sm text-slate-400">In no saved segment.</p> : (
              <ul className="space-y-2 text-sm" data-testid="customer-segments">
                {segments.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-3">
                    <Link to={`/segments/${s.id}`} title={s.name} className="flex min-w-0"><Badge tone="info" className="min-w-0"><span className="truncate">{s.name}</span></Badge></Link>
                    <span className="shrink-0 whitespace-nowrap text-xs text-slate-400">{s.since ? `since ${formatDate(s.since, false)}` : 'just now'}</span>
                  </li>
                ))}
              </ul>
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
          <CustomerCoupons coupons={customer.data.coupons} />
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

type Consent = { marketing: boolean; suppressed: { reason: string; since: string } | null; topicsOff: string[];
  history: { action: string; topic: string | null; source: string; at: string }[] };

const suppressionLabels: Record<string, string> = {
  hard_bounce: 'address bounced', complaint: 'marked as spam', manual: 'suppressed by staff', erased: 'address of an erased customer',
};

function ConsentSection({ consent }: { consent: Consent }) {
  const blocked = !consent.marketing || consent.suppressed;
  return (
    <Section title="Consent" aside={<Badge tone={blocked ? 'error' : 'live'}>{blocked ? 'No marketing email' : 'Marketing email allowed'}</Badge>}>
      <dl className="space-y-2 text-sm">
        <Row label="Marketing">{consent.marketing ? 'Opted in' : 'Opted out'}</Row>
        {consent.suppressed && <Row label="Suppressed">{suppressionLabels[consent.suppressed.reason] ?? consent.suppressed.reason}</Row>}
        {consent.topicsOff.length > 0 && <Row label="Topics off">{consent.topicsOff.join(', ')}</Row>}
      </dl>
      {consent.history.length > 0 && (
        <ul className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-xs text-slate-500">
          {consent.history.slice(0, 3).map((h, i) => (
            <li key={i}>{h.action === 'opt_in' ? 'Opted in' : 'Opted out'}{h.topic ? ` of ${h.topic}` : ''} via {h.source.replace(/_/g, ' ')} · {formatDate(h.at)}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <div className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 text-lg font-semibold tabular-nums text-slate-800">{value}</div>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return <div className="flex justify-between gap-4"><dt className="text-slate-500">{label}</dt><dd className="truncate text-right text-slate-800">{children}</dd></div>;
}
