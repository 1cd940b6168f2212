// Writing (or changing) the shop's reply to a review, with the choice to email it to the
// customer too. Errors come back in the user's language, beside the box.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '../trpc';
import { Button, inputClass } from '../ui/kit';
import type { Review } from './types';

export function ReplyBox({ review, onDone, onCancel }: { review: Review; onDone(): void; onCancel(): void }) {
  const trpc = useTRPC();
  const { t } = useTranslation('reviews');
  const [text, setText] = useState(review.reply ?? '');
  const [email, setEmail] = useState(false);
  const reply = useMutation(trpc.reviews.reply.mutationOptions({ onSuccess: onDone }));
  return (
    <form className="mt-3 space-y-2 rounded-lg bg-slate-50 p-3" data-testid="reply-box"
      onSubmit={(e) => { e.preventDefault(); reply.mutate({ id: review.id, text, email }); }}>
      <label className="block text-xs font-medium text-slate-500">{t('reply.label')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={2000} placeholder={t('reply.placeholder')}
          className={`${inputClass} mt-1`} autoFocus />
      </label>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className={`flex items-center gap-2 text-sm ${review.canEmail ? 'text-slate-700' : 'text-slate-400'}`}
          title={review.canEmail ? undefined : t('reply.noEmail')}>
          <input type="checkbox" checked={email} disabled={!review.canEmail} onChange={(e) => setEmail(e.target.checked)} className="h-4 w-4 accent-violet-600" />
          {t('reply.email')}
        </label>
        <div className="flex gap-2">
          <Button variant="ghost" onClick={onCancel}>{t('reply.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={reply.isPending || !text.trim()}>{email ? t('reply.sendEmail') : t('reply.save')}</Button>
        </div>
      </div>
      {reply.isError && <p role="alert" className="text-sm text-rose-600">{errorMessage(reply.error)}</p>}
    </form>
  );
}
