// The right column of a customer: journeys they are in, orders with items, events.
import { Link } from '../app/router';
import type { Api, inferOutput } from '../trpc';
import { Badge, formatDate } from '../ui/kit';
import { Section } from './CustomerPage';

type Customer = inferOutput<Api['customers']['get']>;

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);

type CustomerEvent = Customer['events'][number];

/** Membership changes read as sentences; other events by their name. */
function eventTitle(e: CustomerEvent): string {
  const segment = String(e.properties.segmentName ?? e.properties.segmentId ?? '');
  if (e.name === 'segment_entered') return `Entered segment “${segment}”`;
  if (e.name === 'segment_left') return `Left segment “${segment}”`;
  return e.name ?? e.type;
}

/** Top-level values as chips; nested ones (line items, addresses) folded into a summary. */
function EventProperties({ properties }: { properties: Record<string, unknown> }) {
  const entries = Object.entries(properties).filter(([k]) => k !== 'segmentId' && k !== 'segmentName');
  if (entries.length === 0) return null;
  return (
    <div className="mt-1 flex flex-wrap gap-1.5">
      {entries.slice(0, 8).map(([k, v]) => (
        <span key={k} className="max-w-64 truncate rounded bg-slate-50 px-1.5 py-0.5 text-[11px] text-slate-500 ring-1 ring-slate-200">
          {k}: <span className="text-slate-700">{Array.isArray(v) ? `${v.length} item${v.length === 1 ? '' : 's'}` : typeof v === 'object' && v ? '{…}' : String(v)}</span>
        </span>
      ))}
    </div>
  );
}

export function CustomerActivity({ data }: { data: Customer }) {
  const uncounted = data.orders.filter((o) => o.status === 'cancelled' || o.status === 'refunded').length;
  return (
    <div className="space-y-6">
      <Section title="Journeys">
        {data.runs.length === 0 ? <p className="text-sm text-slate-400">Not in any journey yet.</p> : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="customer-runs">
            {data.runs.map((r) => (
              <li key={r.id} className="flex items-center gap-3 py-2">
                <Link to={`/journeys/${r.journeyId}`} className="font-medium text-slate-800 hover:text-violet-700">{r.journeyName}</Link>
                <Badge tone={r.status === 'failed' ? 'error' : r.status === 'active' || r.status === 'waiting' ? 'live' : 'draft'}>{r.status}</Badge>
                <span className="text-xs text-slate-500" title={r.nodeId}>
                  {r.status === 'completed' || r.status === 'exited' ? 'last step' : 'at'} <span className="font-medium text-slate-700">{r.stepLabel}</span>
                  {r.status === 'waiting' && r.dueAt && <> until {formatDate(r.dueAt)}</>}
                </span>
                <span className="ml-auto text-xs text-slate-400">entered {formatDate(r.enteredAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Orders" aside={<span className="text-xs text-slate-400">{data.orders.length} shown{uncounted > 0 && ` · ${uncounted} cancelled or refunded, not in the totals`}</span>}>
        {data.orders.length === 0 ? <p className="text-sm text-slate-400">No orders yet.</p> : (
          <ul className="space-y-3">
            {data.orders.map((o) => (
              <li key={o.id} className="rounded-lg p-3 ring-1 ring-slate-200">
                <div className="flex items-center gap-3 text-sm">
                  <span className="font-mono text-xs text-slate-500">{o.id}</span>
                  <Badge tone={o.status === 'cancelled' || o.status === 'refunded' ? 'error' : 'draft'}>{o.status}</Badge>
                  <span className="text-xs text-slate-400">{formatDate(o.placedAt)}</span>
                  <span className="ml-auto font-semibold tabular-nums">{money(o.total, o.currency)}</span>
                </div>
                {o.items.length > 0 && (
                  <ul className="mt-2 space-y-0.5 text-xs text-slate-600">
                    {o.items.map((i) => (
                      <li key={i.line} className="flex justify-between">
                        <span>{i.quantity} × {i.name}{i.category && <span className="text-slate-400"> · {i.category}</span>}</span>
                        <span className="tabular-nums">{money(i.price * i.quantity, o.currency)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Recent events">
        {data.events.length === 0 ? <p className="text-sm text-slate-400">No events received.</p> : (
          <ul className="divide-y divide-slate-100 text-sm">
            {data.events.map((e) => (
              <li key={e.id} className="py-2">
                <div className="flex items-center gap-2">
                  <span className="font-medium text-slate-800">{eventTitle(e)}</span>
                  <span className="ml-auto text-xs text-slate-400">{formatDate(e.timestamp)}</span>
                </div>
                <EventProperties properties={e.properties} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
