// Over the canvas while it shows a simulation's counts: says they are simulated, not live, and
// takes the marketer back to editing.
import type { JourneyStats } from '@afterglow/journey-core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/locale';
import { count } from '../report/format';

export function SimulatedBanner({ totals, onClose }: { totals: JourneyStats['totals']; onClose(): void }) {
  const { t } = useTranslation('simulation');
  const locale = useLocale();
  return (
    <div className="absolute left-4 top-4 z-10 flex items-center gap-3 rounded-lg bg-amber-50/95 px-3 py-2 text-xs text-amber-900 shadow ring-1 ring-amber-300" data-testid="simulated-banner">
      <span className="font-semibold uppercase tracking-wide">{t('card.simulated')}</span>
      <span>{t('banner.totals', { entered: count(locale, totals.entered), active: count(locale, totals.active), completed: count(locale, totals.completed) })}</span>
      <button type="button" onClick={onClose} className="rounded-md bg-white px-2 py-1 font-medium text-amber-800 ring-1 ring-amber-300 hover:bg-amber-100" data-testid="simulated-close">{t('banner.close')}</button>
    </div>
  );
}
