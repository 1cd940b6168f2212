// What the journey counts as its conversions in the report (docs/analytics.md): orders or none,
// the attribution window after its emails, and how long Holdout and A/B groups are compared.
// Read by ingestion as orders arrive: a change applies to orders from then on.
import type { JourneySettings } from '@afterglow/journey-core';
import { useTranslation } from 'react-i18next';

type Attribution = JourneySettings['attribution'];

export function AttributionFields({ value, onChange, inputClass, errorOf }: {
  value: Attribution; onChange(next: Attribution): void; inputClass: string; errorOf(field: string): string | undefined;
}) {
  const { t } = useTranslation('editor');
  const number = (field: 'windowDays' | 'liftDays') => (
    <label className="block text-sm font-medium text-slate-700">
      {t(`settings.${field}`)}
      <input type="number" min={1} className={`${inputClass} mt-1`} value={value[field]} data-testid={`attribution-${field}`}
        onChange={(e) => onChange({ ...value, [field]: Number(e.target.value) })} />
      {errorOf(field) && <span className="mt-1 block text-xs text-rose-600">{errorOf(field)}</span>}
    </label>
  );
  const [windowField, liftField] = [number('windowDays'), number('liftDays')];
  return (
    <div className="space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="attribution-settings">
      <label className="block text-sm font-medium text-slate-700">
        {t('settings.conversion')}
        <select className={`${inputClass} mt-1 bg-white`} value={value.conversion}
          onChange={(e) => onChange({ ...value, conversion: e.target.value as Attribution['conversion'] })}>
          <option value="order">{t('settings.conversion.order')}</option>
          <option value="none">{t('settings.conversion.none')}</option>
        </select>
      </label>
      {value.conversion === 'order' && windowField}
      {liftField}
      <p className="text-xs text-slate-500">{t('settings.attributionHint')}</p>
    </div>
  );
}
