// Points expiry: unused points expire after some months without earning or redeeming, with a
// Points Expiring event some days before so a journey can remind the customer.
import { useTranslation } from 'react-i18next';
import { NumberField, Section, Toggle } from './fields';
import type { SectionProps } from './types';

export function ExpirySection({ value, onChange, errors, disabled }: SectionProps<'expiry'>) {
  const { t } = useTranslation('loyalty');
  const off = disabled || !value.enabled;
  return (
    <Section title={t('expiry.title')} subtitle={t('expiry.subtitle')} testId="loyalty-expiry">
      <Toggle label={t('expiry.enabled')} checked={value.enabled} disabled={disabled} onChange={(enabled) => onChange({ ...value, enabled })} />
      <div className="mt-4 flex flex-wrap gap-6 pl-6">
        <NumberField id="expiry-months" label={t('expiry.months')} suffix={t('expiry.monthsUnit', { count: value.monthsInactive })} min={1}
          value={value.monthsInactive} error={errors['expiry.monthsInactive']} disabled={off} onChange={(monthsInactive) => onChange({ ...value, monthsInactive })} />
        <NumberField id="expiry-remind" label={t('expiry.remind')} suffix={t('expiry.daysUnit', { count: value.remindDaysBefore })} min={1}
          value={value.remindDaysBefore} error={errors['expiry.remindDaysBefore']} disabled={off} onChange={(remindDaysBefore) => onChange({ ...value, remindDaysBefore })} />
      </div>
    </Section>
  );
}
