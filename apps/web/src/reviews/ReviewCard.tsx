// One review on the Reviews page: stars, product, who wrote it (a link to the customer), the
// order, when, the words, its status and whether it needs attention; publish, hide, reply.
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { Badge, Button, formatDate } from '../ui/kit';
import { ReplyBox } from './ReplyBox';
import { Stars } from './Stars';
import type { Review } from './types';

const tones = { new: 'info', published: 'live', hidden: 'draft' } as const;

interface Props {
  review: Review; selected: boolean; canModerate: boolean; replying: boolean;
  onSelect(on: boolean): void; onStatus(status: 'published' | 'hidden'): void; onReply(open: boolean): void; onReplied(): void;
}

function Author({ review }: { review: Review }) {
  const { t } = useTranslation('reviews');
  const name = review.customerName ?? review.authorName ?? review.customerEmail ?? review.authorEmail ?? t('card.anonymous');
  return review.customerId
    ? <Link to={`/customers/${encodeURIComponent(review.customerId)}`} className="font-medium text-violet-700 hover:underline">{name}</Link>
    : <span className="font-medium text-slate-700">{name}</span>;
}

export function ReviewCard({ review, selected, canModerate, replying, onSelect, onStatus, onReply, onReplied }: Props) {
  const { t } = useTranslation('reviews');
  const status = review.status as keyof typeof tones;
  return (
    <li className={`rounded-xl bg-white p-4 shadow-sm ring-1 ${review.needsAttention ? 'ring-rose-200' : 'ring-slate-200'}`} data-testid="review-card">
      <div className="flex items-start gap-3">
        {canModerate && <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={t('card.select')} className="mt-1 h-4 w-4 accent-violet-600" />}
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Stars rating={review.rating} />
            <span className="min-w-0 truncate font-semibold text-slate-900" title={review.productName}>{review.productName}</span>
            <Badge tone={tones[status] ?? 'draft'}>{t(`status.${status}`)}</Badge>
            {review.needsAttention && <Badge tone="error">{t('card.attention')}</Badge>}
            {review.source === 'import' && <Badge tone="draft">{t('card.imported')}</Badge>}
          </div>
          <div className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-500">
            <Author review={review} />
            {review.orderId && <span>· {t('card.order', { id: review.orderId })}</span>}
            <span>· {formatDate(review.createdAt)}</span>
          </div>
          <p className={`mt-2 whitespace-pre-line break-words text-sm ${review.text ? 'text-slate-700' : 'italic text-slate-400'}`}>{review.text || t('card.noText')}</p>
          {review.reply && !replying && (
            <div className="mt-3 border-l-2 border-violet-200 pl-3 text-sm" data-testid="review-reply">
              <div className="text-xs text-slate-500">
                {review.repliedBy ? t('card.repliedBy', { name: review.repliedBy, date: formatDate(review.repliedAt) }) : t('card.replied', { date: formatDate(review.repliedAt) })}
                {review.replyEmailedAt && ` · ${t('card.emailed')}`}
              </div>
              <p className="whitespace-pre-line break-words text-slate-700">{review.reply}</p>
            </div>
          )}
          {replying && <ReplyBox review={review} onDone={onReplied} onCancel={() => onReply(false)} />}
        </div>
        {canModerate && !replying && (
          <div className="flex shrink-0 flex-col items-stretch gap-1.5 sm:flex-row sm:items-center">
            {review.status !== 'published' && <Button icon="check" onClick={() => onStatus('published')}>{t('card.publish')}</Button>}
            {review.status !== 'hidden' && <Button icon="x" onClick={() => onStatus('hidden')}>{t('card.hide')}</Button>}
            <Button icon="message" onClick={() => onReply(true)}>{review.reply ? t('card.editReply') : t('card.reply')}</Button>
          </div>
        )}
      </div>
    </li>
  );
}
