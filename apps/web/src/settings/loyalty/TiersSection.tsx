// The tiers customers climb: measured by points earned or money spent, over a rolling window or
// ever; each row a name, the threshold that reaches it and the benefits in the shop's words.
// The first tier starts at 0, so every member is in one.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { Button, inputClass } from '../../ui/kit';
import { FieldError, newId, NumberField, Section } from './fields';
import type { LoyaltySettings, SectionProps } from './types';

type Tier = LoyaltySettings['tiers']['list'][number];

export function TiersSection({ value, onChange, errors, disabled }: SectionProps<'tiers'>) {
  const { t } = useTranslation('loyalty');
  const setRow = (i: number, next: Partial<Tier>) => onChange({ ...value, list: value.list.map((r, n) => (n === i ? { ...r, ...next } : r)) });
  const last = value.list[value.list.length - 1];
  const add = () => onChange({ ...value, list: [...value.list, { id: newId('tier'), name: '', threshold: (last?.threshold ?? 0) + 1000, benefits: '' }] });
  const unit = t(value.basis === 'spend' ? 'tiers.unitSpend' : 'tiers.unitPoints');
  return (
    <Section title={t('tiers.title')} subtitle={t('tiers.subtitle')} testId="loyalty-tiers">
      <div className="flex flex-wrap items-start gap-6">
        <div>
          <label className="block text-xs font-medium text-slate-600" htmlFor="tiers-basis">{t('tiers.basis')}</label>
          <select id="tiers-basis" className={`${inputClass} mt-1 w-56`} value={value.basis} disabled={disabled}
            onChange={(e) => onChange({ ...value, basis: e.target.value as LoyaltySettings['tiers']['basis'] })}>
            <option value="points">{t('tiers.basisPoints')}</option>
            <option value="spend">{t('tiers.basisSpend')}</option>
          </select>
          <FieldError message={errors['tiers.basis']} />
        </div>
        <div className="max-w-xs">
          <NumberField id="tiers-window" label={t('tiers.window')} suffix={t('tiers.days', { count: value.windowDays })} disabled={disabled}
            value={value.windowDays} error={errors['tiers.windowDays']} onChange={(windowDays) => onChange({ ...value, windowDays })} />
          <p className="mt-1 text-xs text-slate-500">{t('tiers.windowHelp')}</p>
        </div>
      </div>
      <ul className="mt-5 space-y-3">
        {value.list.map((tier, i) => (
          <li key={tier.id} className="rounded-lg bg-slate-50 p-3" data-testid="loyalty-tier">
            <div className="flex flex-wrap items-start gap-3">
              <div className="min-w-40 flex-1">
                <label className="block text-xs font-medium text-slate-600" htmlFor={`tier-${i}-name`}>{t('tiers.name')}</label>
                <input id={`tier-${i}-name`} className={`${inputClass} mt-1`} value={tier.name} disabled={disabled}
                  onChange={(e) => setRow(i, { name: e.target.value })} />
                <FieldError message={errors[`tiers.list.${i}.name`]} />
              </div>
              <NumberField id={`tier-${i}-threshold`} label={t('tiers.threshold')} suffix={unit} disabled={disabled || i === 0}
                value={tier.threshold} error={errors[`tiers.list.${i}.threshold`]} onChange={(threshold) => setRow(i, { threshold })} />
              {i > 0 && !disabled && (
                <button type="button" aria-label={t('tiers.remove', { name: tier.name })} onClick={() => onChange({ ...value, list: value.list.filter((_, n) => n !== i) })}
                  className="mt-6 rounded p-1 text-slate-400 hover:bg-rose-50 hover:text-rose-600"><Icon name="x" /></button>
              )}
            </div>
            <label className="mt-2 block text-xs font-medium text-slate-600" htmlFor={`tier-${i}-benefits`}>{t('tiers.benefits')}</label>
            <textarea id={`tier-${i}-benefits`} rows={2} className={`${inputClass} mt-1`} value={tier.benefits} disabled={disabled}
              placeholder={t('tiers.benefitsPlaceholder')} onChange={(e) => setRow(i, { benefits: e.target.value })} />
            <FieldError message={errors[`tiers.list.${i}.benefits`]} />
          </li>
        ))}
      </ul>
      <FieldError message={errors['tiers.list']} />
      {!disabled && value.list.length < 10 && <Button className="mt-3" icon="plus" onClick={add}>{t('tiers.add')}</Button>}
    </Section>
  );
}
