// The journey-level holdout (docs/analytics.md): the share of entrants who get nothing from the
// journey, picked by customer (the same customer is always in the same group), so the report can
// set their orders against those of the customers who got it. Like every setting here, it
// applies from the next publish.
import type { JourneySettings } from '@afterglow/journey-core';
import { useTranslation } from 'react-i18next';

type Holdout = JourneySettings['holdout'];

export function HoldoutField({ value, onChange, inputClass, error }: {
  value: Holdout; onChange(next: Holdout): void; inputClass: string; error: string | undefined;
}) {
  const { t } = useTranslation('editor');
  return (
    <div className="space-y-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="holdout-settings">
      <label className="block text-sm font-medium text-slate-700">
        {t('settings.holdout')}
        <input type="number" min={0} max={90} step={1} className={`${inputClass} mt-1 bg-white`} value={value.percent}
          data-testid="holdout-percent" onChange={(e) => onChange({ percent: Number(e.target.value) })} />
        {error && <span className="mt-1 block text-xs text-rose-600">{error}</span>}
      </label>
      <p className="text-xs text-slate-500">
        {value.percent > 0 ? t('settings.holdoutOn', { percent: value.percent }) : t('settings.holdoutOff')}
      </p>
    </div>
  );
}
