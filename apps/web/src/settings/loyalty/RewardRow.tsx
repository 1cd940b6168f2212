// One reward of the Rewards section: its name and cost, the coupon it issues, on or off.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { inputClass } from '../../ui/kit';
import { FieldError, NumberField, Toggle, type FieldErrors } from './fields';
import type { LoyaltySettings } from './types';

export type Reward = LoyaltySettings['rewards'][number];
type Coupon = Reward['coupon'];

interface Props { index: number; reward: Reward; errors: FieldErrors; disabled: boolean; onChange(next: Reward): void; onRemove(): void }

export function RewardRow({ index: i, reward, errors, disabled, onChange, onRemove }: Props) {
  const { t } = useTranslation('loyalty');
  const at = (field: string) => errors[`rewards.${i}.${field}`];
  const setCoupon = (next: Partial<Coupon>) => onChange({ ...reward, coupon: { ...reward.coupon, ...next } });
  const { kind } = reward.coupon;
  const refused = { points: at('points'), value: at('coupon.value'), minOrderTotal: at('coupon.minOrderTotal'), validDays: at('coupon.validDays') };
  return (
    <li className="rounded-lg bg-slate-50 p-3" data-testid="loyalty-reward">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-48 flex-1">
          <label className="block text-xs font-medium text-slate-600" htmlFor={`reward-${i}-name`}>{t('rewards.name')}</label>
          <input id={`reward-${i}-name`} className={`${inputClass} mt-1`} value={reward.name} disabled={disabled}
            placeholder={t('rewards.namePlaceholder')} onChange={(e) => onChange({ ...reward, name: e.target.value })} />
          <FieldError message={at('name')} />
        </div>
        <NumberField id={`reward-${i}-points`} label={t('rewards.cost')} suffix={t('rewards.pointsUnit', { count: reward.points })}
          value={reward.points} error={refused.points} disabled={disabled} onChange={(points) => onChange({ ...reward, points })} />
        <div className="mt-6 flex items-center gap-2">
          <Toggle label={t('rewards.enabled')} checked={reward.enabled} disabled={disabled} onChange={(enabled) => onChange({ ...reward, enabled })} />
          {!disabled && (
            <button type="button" aria-label={t('rewards.remove', { name: reward.name })} onClick={onRemove}
              className="rounded p-1 text-slate-400 hover:bg-rose-50 hover:text-rose-600"><Icon name="x" /></button>
          )}
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <div>
          <label className="block text-xs font-medium text-slate-600" htmlFor={`reward-${i}-kind`}>{t('rewards.kind')}</label>
          <select id={`reward-${i}-kind`} className={`${inputClass} mt-1 w-48`} value={kind} disabled={disabled}
            onChange={(e) => setCoupon({ kind: e.target.value as Coupon['kind'], ...(e.target.value === 'free_shipping' ? { value: 0 } : {}) })}>
            <option value="percent">{t('rewards.kindPercent')}</option>
            <option value="fixed">{t('rewards.kindFixed')}</option>
            <option value="free_shipping">{t('rewards.kindFreeShipping')}</option>
          </select>
          <FieldError message={at('coupon.kind')} />
        </div>
        {kind !== 'free_shipping' && (
          <NumberField id={`reward-${i}-value`} label={t(kind === 'percent' ? 'rewards.percentOff' : 'rewards.amountOff')} suffix={kind === 'percent' ? '%' : undefined}
            value={reward.coupon.value} error={refused.value} disabled={disabled} onChange={(value) => setCoupon({ value })} />
        )}
        <NumberField id={`reward-${i}-min`} label={t('rewards.minOrder')} value={reward.coupon.minOrderTotal} error={refused.minOrderTotal}
          disabled={disabled} onChange={(minOrderTotal) => setCoupon({ minOrderTotal })} />
        <NumberField id={`reward-${i}-valid`} label={t('rewards.validDays')} suffix={t('rewards.days', { count: reward.coupon.validDays })}
          value={reward.coupon.validDays} error={refused.validDays} disabled={disabled} onChange={(validDays) => setCoupon({ validDays })} />
      </div>
      <p className="mt-1 text-xs text-slate-500">{t('rewards.validHelp')}</p>
      <FieldError message={at('id')} />
    </li>
  );
}
