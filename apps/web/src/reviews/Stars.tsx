// A review's rating as five stars, read out as "4 of 5 stars".
import { useTranslation } from 'react-i18next';

export const STAR = '\u2605';

export function Stars({ rating }: { rating: number }) {
  const { t } = useTranslation('reviews');
  return (
    <span role="img" aria-label={t('card.stars', { rating })} className="whitespace-nowrap text-base leading-none tracking-tight">
      {[1, 2, 3, 4, 5].map((n) => <span key={n} aria-hidden className={n <= rating ? 'text-amber-400' : 'text-slate-200'}>{STAR}</span>)}
    </span>
  );
}
