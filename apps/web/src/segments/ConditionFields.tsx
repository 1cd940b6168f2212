// The inputs of one condition, by its kind (orders / bought here; a customer field in AttributeFields; the customer's
// language in LanguageFields, tags in TagFields; behaviour in ActivityFields).
import { useTranslation } from 'react-i18next';
import { ActivityFields, sized, small, WithinDays } from './ActivityFields';
import { LanguageFields } from './LanguageFields';
import { TagFields } from './TagFields';
import { AttributeFields } from './AttributeFields';
import { orderMeasures, orderOps, type ConditionRule } from './rule';
import { LIST_IDS } from './vocabulary';

export function ConditionFields({ rule, onChange }: { rule: ConditionRule; onChange(r: ConditionRule): void }) {
  const { t } = useTranslation('segments');
  if (rule.kind === 'orders') {
    return (
      <>
        <select aria-label={t('measure.label')} className={small} value={rule.measure} onChange={(e) => {
          const measure = e.target.value as typeof rule.measure;
          // Days since the last order has no time window of its own.
          onChange({ ...rule, measure, withinDays: measure === 'daysSinceLastOrder' ? undefined : rule.withinDays });
        }}>
          {orderMeasures.map((m) => <option key={m} value={m}>{t(`measure.${m}`)}</option>)}
        </select>
        <select aria-label={t('compare.label')} className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}>
          {orderOps.map((o) => <option key={o} value={o}>{t(`compare.${o}`)}</option>)}
        </select>
        <input type="number" min={0} aria-label={t('value.label')} className={sized('!w-24')} value={rule.value}
          onChange={(e) => onChange({ ...rule, value: Number.isNaN(e.target.valueAsNumber) ? 0 : e.target.valueAsNumber })} />
        {rule.measure !== 'daysSinceLastOrder' && <WithinDays value={rule.withinDays} onChange={(withinDays) => onChange({ ...rule, withinDays })} />}
      </>
    );
  }
  if (rule.kind === 'bought') {
    return (
      <>
        <select aria-label={t('bought.label')} className={small} value={rule.negate ? 'not' : 'has'} onChange={(e) => onChange({ ...rule, negate: e.target.value === 'not' })}>
          <option value="has">{t('bought.has')}</option>
          <option value="not">{t('bought.not')}</option>
        </select>
        <select aria-label={t('bought.whatLabel')} className={small} value={rule.what} onChange={(e) => onChange({ ...rule, what: e.target.value as typeof rule.what })}>
          <option value="category">{t('bought.category')}</option>
          <option value="brand">{t('bought.brand')}</option>
          <option value="product">{t('bought.product')}</option>
        </select>
        <input aria-label={t(`bought.${rule.what}Label`)} className={sized('!w-44')} value={rule.value}
          list={rule.what === 'category' ? LIST_IDS.categories : rule.what === 'brand' ? LIST_IDS.brands : undefined}
          placeholder={t(`bought.${rule.what}Placeholder`)} onChange={(e) => onChange({ ...rule, value: e.target.value })} />
        <WithinDays value={rule.withinDays} onChange={(withinDays) => onChange({ ...rule, withinDays })} />
      </>
    );
  }
  if (rule.kind === 'language') return <LanguageFields rule={rule} onChange={onChange} />;
  if (rule.kind === 'tag') return <TagFields rule={rule} onChange={onChange} />;
  if (rule.kind !== 'attribute') return <ActivityFields rule={rule} onChange={onChange} />;
  return <AttributeFields rule={rule} onChange={onChange} />;
}
