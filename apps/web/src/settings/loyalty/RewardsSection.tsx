// What points buy: each reward a name, its cost in points and the coupon a redemption issues
// (percent or amount off, or free shipping; a minimum order; days it stays valid, 0 for ever),
// on or off. Redeemed by staff on the customer page, by the shop through the API, and by
// customers on My rewards.
import { useTranslation } from 'react-i18next';
import { Button, EmptyState } from '../../ui/kit';
import { FieldError, newId, Section } from './fields';
import { RewardRow, type Reward } from './RewardRow';
import type { SectionProps } from './types';

const blank = (): Reward => ({
  id: newId('reward'), name: '', points: 500, enabled: true,
  coupon: { kind: 'percent', value: 10, minOrderTotal: 0, validDays: 30 },
});

export function RewardsSection({ value, onChange, errors, disabled }: SectionProps<'rewards'>) {
  const { t } = useTranslation('loyalty');
  const add = <Button icon="plus" onClick={() => onChange([...value, blank()])}>{t('rewards.add')}</Button>;
  return (
    <Section title={t('rewards.title')} subtitle={t('rewards.subtitle')} testId="loyalty-rewards">
      {value.length === 0 ? (
        <EmptyState icon="gift" title={t('rewards.emptyTitle')} action={disabled ? undefined : add}>{t('rewards.emptyBody')}</EmptyState>
      ) : (
        <>
          <ul className="space-y-3">
            {value.map((reward, i) => (
              <RewardRow key={reward.id} index={i} reward={reward} errors={errors} disabled={disabled}
                onChange={(next) => onChange(value.map((r, n) => (n === i ? next : r)))}
                onRemove={() => onChange(value.filter((_, n) => n !== i))} />
            ))}
          </ul>
          <FieldError message={errors.rewards} />
          {!disabled && value.length < 20 && <div className="mt-3">{add}</div>}
        </>
      )}
    </Section>
  );
}
