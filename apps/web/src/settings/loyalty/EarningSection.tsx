// How customers earn points: on completed orders (points per unit of the shop's currency), and
// for a review, a referral, the birthday and signing up; each rule on or off with its amount.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { NumberField, Section, Toggle } from './fields';
import type { SectionProps } from './types';

const RULES = ['review', 'referral', 'birthday', 'signUp'] as const;

export function EarningSection({ value, onChange, errors, disabled }: SectionProps<'earning'>) {
  const { t } = useTranslation('loyalty');
  const trpc = useTRPC();
  const currency = useQuery(trpc.shop.get.queryOptions()).data?.currency ?? 'EUR';
  return (
    <Section title={t('earning.title')} subtitle={t('earning.subtitle')} testId="loyalty-earning">
      <div className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg bg-slate-50 p-3">
          <Toggle label={t('earning.orders')} checked={value.orders.enabled} disabled={disabled}
            onChange={(enabled) => onChange({ ...value, orders: { ...value.orders, enabled } })} />
          <NumberField id="earning-orders" label={t('earning.pointsPerUnit', { currency })} step={0.1} disabled={disabled || !value.orders.enabled}
            value={value.orders.pointsPerUnit} error={errors['earning.orders.pointsPerUnit']}
            onChange={(pointsPerUnit) => onChange({ ...value, orders: { ...value.orders, pointsPerUnit } })} />
        </div>
        {RULES.map((rule) => (
          <div key={rule} className="flex flex-wrap items-start justify-between gap-3 rounded-lg bg-slate-50 p-3">
            <div className="min-w-0 max-w-md">
              <Toggle label={t(`earning.${rule}`)} checked={value[rule].enabled} disabled={disabled}
                onChange={(enabled) => onChange({ ...value, [rule]: { ...value[rule], enabled } })} />
              <p className="mt-1 pl-6 text-xs text-slate-500">{t(`earning.${rule}Help`)}</p>
            </div>
            <NumberField id={`earning-${rule}`} label={t('earning.points')} disabled={disabled || !value[rule].enabled}
              value={value[rule].points} error={errors[`earning.${rule}.points`]}
              onChange={(points) => onChange({ ...value, [rule]: { ...value[rule], points } })} />
          </div>
        ))}
      </div>
    </Section>
  );
}
