// The right column of a customer: every journey they walked, orders with items, events.
import { formatNumber } from '@afterglow/i18n';
import { useTranslation } from 'react-i18next';
import type { Api, inferOutput } from '../trpc';
import { CustomerJourneys } from '../journeys/runs/CustomerJourneys';
import { DownloadCsvLink } from '../ui/csv/DownloadCsvLink';
import { Badge } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { Section } from './CustomerPage';
import { moment, money } from './format';

type Customer = inferOutput<Api['customers']['get']>;
type CustomerEvent = Customer['events'][number];

/** Statuses with words of their own (`order.status.<s>`); any other shows as stored. */
const ORDER_STATUSES = ['placed', 'shipped', 'delivered', 'refunded', 'cancelled'];
/** An object value, folded on its chip. */
const FOLDED = '{…}';

/** Top-level values as chips; nested ones (line items, addresses) folded into a summary. */
function EventProperties({ properties }: { properties: Record<string, unknown> }) {
  const { t } = useTranslation('customers');
  const entries = Object.entries(properties).filter(([k]) => k !== 'segmentId' && k !== 'segmentName');
  if (entries.length === 0) return null;
  return (
    <div className="mt-1 flex flex-wrap gap-1.5">
      {entries.slice(0, 8).map(([k, v]) => (
        <span key={k} className="max-w-64 truncate rounded bg-slate-50 px-1.5 py-0.5 text-[11px] text-slate-500 ring-1 ring-slate-200">
          {k}: <span className="text-slate-700">{Array.isArray(v) ? t('events.items', { count: v.length }) : typeof v === 'object' && v ? FOLDED : String(v)}</span>
        </span>
      ))}
    </div>
  );
}

export function CustomerActivity({ data }: { data: Customer }) {
  const { t } = useTranslation('customers');
  const locale = useLocale();
  const uncounted = data.orders.filter((o) => o.status === 'cancelled' || o.status === 'refunded').length;
  const orderStatus = (s: string) => (ORDER_STATUSES.includes(s) ? t(`order.status.${s}`) : s);
  /** Membership changes read as sentences; other events by their name. */
  const eventTitle = (e: CustomerEvent) => {
    const segment = String(e.properties.segmentName ?? e.properties.segmentId ?? '');
    if (e.name === 'segment_entered') return t('events.entered', { segment });
    if (e.name === 'segment_left') return t('events.left', { segment });
    return e.name ?? e.type;
  };
  return (
    <div className="space-y-6">
      {/* The list loads 25 at a time; the download holds every journey they walked. */}
      <Section title={t('journeys.title')} aside={<DownloadCsvLink list="customer-journeys" filters={{ customerId: data.profile.id }} />}>
        <CustomerJourneys customerId={data.profile.id} />
      </Section>
      <Section title={t('orders.title')} aside={(
        <span className="text-xs text-slate-400">
          {t('orders.shown', { count: data.orders.length })}{uncounted > 0 && ` · ${t('orders.uncounted', { count: uncounted })}`}
        </span>
      )}>
        {data.orders.length === 0 ? <p className="text-sm text-slate-400">{t('orders.none')}</p> : (
          <ul className="space-y-3">
            {data.orders.map((o) => (
              <li key={o.id} className="rounded-lg p-3 ring-1 ring-slate-200">
                <div className="flex items-center gap-3 text-sm">
                  <span className="font-mono text-xs text-slate-500">{o.id}</span>
                  <Badge tone={o.status === 'cancelled' || o.status === 'refunded' ? 'error' : 'draft'}>{orderStatus(o.status)}</Badge>
                  <span className="text-xs text-slate-400">{moment(locale, o.placedAt)}</span>
                  <span className="ml-auto font-semibold tabular-nums">{money(locale, o.total, o.currency)}</span>
                </div>
                {o.items.length > 0 && (
                  <ul className="mt-2 space-y-0.5 text-xs text-slate-600">
                    {o.items.map((i) => (
                      <li key={i.line} className="flex justify-between">
                        <span>{t('orders.item', { quantity: formatNumber(locale, i.quantity), name: i.name })}{i.category && <span className="text-slate-400"> · {i.category}</span>}</span>
                        <span className="tabular-nums">{money(locale, i.price * i.quantity, o.currency)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('events.title')}>
        {data.events.length === 0 ? <p className="text-sm text-slate-400">{t('events.none')}</p> : (
          <ul className="divide-y divide-slate-100 text-sm">
            {data.events.map((e) => (
              <li key={e.id} className="py-2">
                <div className="flex items-center gap-2">
                  <span className="font-medium text-slate-800">{eventTitle(e)}</span>
                  <span className="ml-auto text-xs text-slate-400">{moment(locale, e.timestamp)}</span>
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
