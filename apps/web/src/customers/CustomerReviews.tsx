// The customer's reviews on the customer page (newest few), with a link to all of them on the
// Reviews page.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { Stars } from '../reviews/Stars';
import { useTRPC } from '../trpc';
import { Badge, formatDate } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { Section } from './CustomerPage';

const SHOWN = 5;

export function CustomerReviews({ id }: { id: string }) {
  const trpc = useTRPC();
  const { t } = useTranslation('reviews');
  useLocale();
  const reviews = useQuery(trpc.reviews.list.queryOptions({ customerId: id, limit: SHOWN }));
  const items = reviews.data?.items ?? [];
  return (
    <Section title={t('customer.title')} aside={items.length > 0 && (
      <Link to={`/reviews?customer=${encodeURIComponent(id)}`} className="text-xs font-medium text-violet-700 hover:underline">{t('customer.all')}</Link>
    )}>
      {reviews.data && items.length === 0 ? <p className="text-sm text-slate-400">{t('customer.none')}</p> : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="customer-reviews">
          {items.map((r) => (
            <li key={r.id} className="py-2">
              <div className="flex items-center justify-between gap-2">
                <Stars rating={r.rating} />
                <Badge tone={r.status === 'published' ? 'live' : r.status === 'new' ? 'info' : 'draft'}>{t(`status.${r.status}`)}</Badge>
              </div>
              <div className="truncate font-medium text-slate-800" title={r.productName}>{r.productName}</div>
              {r.text && <p className="line-clamp-2 text-slate-600">{r.text}</p>}
              <div className="text-xs text-slate-400">{formatDate(r.createdAt, false)}</div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
