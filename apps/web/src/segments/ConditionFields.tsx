// The inputs of one condition, by its kind (orders / bought / attribute here; the customer's
// language in LanguageFields, tags in TagFields; behaviour in ActivityFields).
import { useTranslation } from 'react-i18next';
import { ActivityFields, sized, small, WithinDays } from './ActivityFields';
import { LanguageFields } from './LanguageFields';
import { TagFields } from './TagFields';
import { attributeFields, attributeOps, orderMeasures, orderOps, type ConditionRule } from './rule';
import { LIST_IDS } from './vocabulary';

const dateOps: readonly string[] = ['equals', 'not_equals', 'gt', 'lt'];

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
  const isDate = rule.field === 'signupDate';
  const builtIn = (attributeFields as readonly string[]).includes(rule.field);
  return (
    <>
      <select aria-label={t('field.label')} className={small} value={builtIn ? rule.field : '__custom'}
        onChange={(e) => {
          const field = e.target.value === '__custom' ? '' : e.target.value;
          // A date needs a date operator and value; switching away from it starts clean too.
          if (field === 'signupDate') onChange({ ...rule, field, op: 'gt', value: '2025-01-01' });
          else onChange({ ...rule, field, ...(isDate ? { op: 'equals' as const, value: '' } : {}) });
        }}>
        {attributeFields.map((f) => <option key={f} value={f}>{t(`field.${f}`)}</option>)}
        <option value="__custom">{t('field.custom')}</option>
      </select>
      {!builtIn && <input aria-label={t('field.customName')} className={sized('!w-36')} placeholder={t('field.customPlaceholder')} value={rule.field}
        onChange={(e) => onChange({ ...rule, field: e.target.value })} />}
      <select aria-label={t('op.label')} className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}>
        {attributeOps.filter((o) => !isDate || dateOps.includes(o)).map((o) => (
          <option key={o} value={o}>{isDate ? t(`dateOp.${o}`) : t(`op.${o}`)}</option>
        ))}
      </select>
      {rule.op !== 'exists' && <input aria-label={t('value.label')} type={rule.field === 'signupDate' ? 'date' : 'text'} className={sized('!w-40')} value={String(rule.value ?? '')}
        onChange={(e) => onChange({ ...rule, value: e.target.value })} />}
    </>
  );
}
