// Inputs of the behaviour conditions: events, email engagement, loyalty points and tier, other segments.
import { formatNumber } from '@afterglow/i18n';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../ui/kit';
import { useLocale } from '../ui/locale';
import { orderOps, type ConditionRule } from './rule';
import { LIST_IDS, useVocabulary } from './vocabulary';

export const small = `${inputClass} !w-auto !py-1.5`;
export const sized = (width: string) => `${inputClass} !py-1.5 ${width}`;

export function WithinDays({ value, onChange }: { value: number | undefined; onChange(v: number | undefined): void }) {
  const { t } = useTranslation('segments');
  return (
    <>
      <select aria-label={t('within.label')} className={small} value={value === undefined ? 'ever' : 'within'}
        onChange={(e) => onChange(e.target.value === 'ever' ? undefined : 90)}>
        <option value="ever">{t('within.ever')}</option>
        <option value="within">{t('within.last')}</option>
      </select>
      {value !== undefined && (
        <>
          <input type="number" min={1} aria-label={t('within.daysLabel')} className={sized('!w-20')} value={value}
            onChange={(e) => onChange(e.target.valueAsNumber || 1)} />
          <span className="text-sm text-slate-600">{t('within.days', { count: value })}</span>
        </>
      )}
    </>
  );
}

type Activity = Extract<ConditionRule, { kind: 'event' | 'email' | 'loyalty' | 'tier' | 'segment' }>;

export function ActivityFields({ rule, onChange }: { rule: Activity; onChange(r: ConditionRule): void }) {
  const { segments, tiers, tierBasis } = useVocabulary();
  const { t } = useTranslation('segments');
  const locale = useLocale();
  switch (rule.kind) {
    case 'event': return (
      <>
        <select aria-label={t('event.label')} className={small} value={rule.negate ? 'not' : 'did'} onChange={(e) => onChange({ ...rule, negate: e.target.value === 'not' })}>
          <option value="did">{t('event.did')}</option>
          <option value="not">{t('event.not')}</option>
        </select>
        <input aria-label={t('event.name')} list={LIST_IDS.events} className={sized('!w-44')} placeholder={t('event.placeholder')} value={rule.name}
          onChange={(e) => onChange({ ...rule, name: e.target.value })} />
        <span className="text-sm text-slate-600">{t('event.atLeast')}</span>
        <input type="number" min={1} aria-label={t('event.timesLabel')} className={sized('!w-16')} value={rule.minCount}
          onChange={(e) => onChange({ ...rule, minCount: Math.max(1, e.target.valueAsNumber || 1) })} />
        <span className="text-sm text-slate-600">{t('event.times', { count: rule.minCount })}</span>
        <WithinDays value={rule.withinDays} onChange={(withinDays) => onChange({ ...rule, withinDays })} />
      </>
    );
    case 'email': return (
      <>
        <select aria-label={t('email.label')} className={small} value={rule.negate ? 'not' : 'has'} onChange={(e) => onChange({ ...rule, negate: e.target.value === 'not' })}>
          <option value="has">{t('email.has')}</option>
          <option value="not">{t('email.not')}</option>
        </select>
        <select aria-label={t('email.actionLabel')} className={small} value={rule.action} onChange={(e) => onChange({ ...rule, action: e.target.value as 'open' | 'click' })}>
          <option value="open">{t('email.open')}</option>
          <option value="click">{t('email.click')}</option>
        </select>
        <WithinDays value={rule.withinDays} onChange={(withinDays) => onChange({ ...rule, withinDays })} />
      </>
    );
    case 'loyalty': return (
      <>
        <span className="text-sm text-slate-600">{t('loyalty.balance')}</span>
        <select aria-label={t('compare.label')} className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}>
          {orderOps.map((o) => <option key={o} value={o}>{t(`compare.${o}`)}</option>)}
        </select>
        <input type="number" aria-label={t('loyalty.points')} className={sized('!w-24')} value={rule.value}
          onChange={(e) => onChange({ ...rule, value: Number.isNaN(e.target.valueAsNumber) ? 0 : e.target.valueAsNumber })} />
      </>
    );
    case 'tier': {
      // The rule names a tier by id (by name in rules saved before tiers were configurable).
      const chosen = tiers.find((tier) => tier.id === rule.tier) ?? tiers.find((tier) => tier.name.toLowerCase() === rule.tier.toLowerCase());
      const threshold = (n: number) => tierBasis === 'spend'
        ? t('tier.optionSpend', { amount: formatNumber(locale, n) }) : t('tier.option', { points: formatNumber(locale, n) });
      return (
        <>
          <span className="text-sm text-slate-600">{t('tier.is')}</span>
          <select aria-label={t('tier.opLabel')} className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}>
            <option value="atLeast">{t('tier.atLeast')}</option>
            <option value="is">{t('tier.exactly')}</option>
          </select>
          {/* The shop's tiers, from its loyalty settings (the server decides who is in which). */}
          <select aria-label={t('tier.label')} className={small} value={chosen?.id ?? ''} onChange={(e) => onChange({ ...rule, tier: e.target.value })}>
            {!chosen && <option value="">{t('tier.choose')}</option>}
            {tiers.map((tier) => <option key={tier.id} value={tier.id}>{`${tier.name} ${threshold(tier.threshold)}`}</option>)}
          </select>
        </>
      );
    }
    case 'segment': return (
      <>
        <select aria-label={t('segment.label')} className={small} value={rule.negate ? 'not' : 'in'} onChange={(e) => onChange({ ...rule, negate: e.target.value === 'not' })}>
          <option value="in">{t('segment.in')}</option>
          <option value="not">{t('segment.not')}</option>
        </select>
        <select aria-label={t('segment.segment')} className={sized('!w-56')} value={rule.segmentId} onChange={(e) => onChange({ ...rule, segmentId: e.target.value })}>
          <option value="">{t('segment.choose')}</option>
          {segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </>
    );
  }
}
