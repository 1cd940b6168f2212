// A condition on a customer field: the field, then only the comparisons its type allows (a
// month is never "contains"; the same table the server validates with: opsForField), then a
// value input that fits the type (a month by name, a day or number as a number, a date picker).
import { opsForField, segmentFieldType, type AttributeOp, type SegmentFieldType } from '@afterglow/journey-core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../ui/locale';
import { sized, small } from './ActivityFields';
import { attributeFields, type ConditionRule } from './rule';

type AttributeRule = Extract<ConditionRule, { kind: 'attribute' }>;

/** What a field starts with when chosen: its type's first comparison and an empty or typical value. */
function startFor(field: string): Pick<AttributeRule, 'op' | 'value'> {
  const type = segmentFieldType(field);
  if (type === 'date') return { op: 'gt', value: '2025-01-01' };
  if (type === 'month') return { op: 'equals', value: 1 };
  return { op: 'equals', value: '' };
}

function MonthSelect({ value, onChange, label }: { value: unknown; onChange(v: number): void; label: string }) {
  const locale = useLocale();
  const name = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return (
    <select aria-label={label} className={small} value={String(value ?? '')} onChange={(e) => onChange(Number(e.target.value))}>
      {Array.from({ length: 12 }, (_, i) => <option key={i} value={i + 1}>{name.format(new Date(Date.UTC(2024, i, 1)))}</option>)}
    </select>
  );
}

function ValueInput({ type, rule, onChange, label }: { type: SegmentFieldType; rule: AttributeRule; onChange(r: AttributeRule): void; label: string }) {
  if (type === 'month') return <MonthSelect label={label} value={rule.value} onChange={(value) => onChange({ ...rule, value })} />;
  const numeric = type === 'number' || type === 'day';
  return (
    <input aria-label={label} type={type === 'date' ? 'date' : numeric ? 'number' : 'text'} className={sized(numeric ? '!w-24' : '!w-40')}
      min={type === 'day' ? 1 : numeric ? 0 : undefined} max={type === 'day' ? 31 : undefined} value={String(rule.value ?? '')}
      onChange={(e) => onChange({ ...rule, value: numeric && e.target.value !== '' ? Number(e.target.value) : e.target.value })} />
  );
}

export function AttributeFields({ rule, onChange }: { rule: AttributeRule; onChange(r: AttributeRule): void }) {
  const { t } = useTranslation('segments');
  const type = segmentFieldType(rule.field);
  const ops = opsForField(rule.field);
  const builtIn = (attributeFields as readonly string[]).includes(rule.field);
  const opLabel = (o: AttributeOp) => (type === 'date' ? t(`dateOp.${o}`) : t(`op.${o}`));
  return (
    <>
      <select aria-label={t('field.label')} className={small} value={builtIn ? rule.field : '__custom'}
        onChange={(e) => {
          const field = e.target.value === '__custom' ? '' : e.target.value;
          onChange({ ...rule, field, ...startFor(field) });
        }}>
        {attributeFields.map((f) => <option key={f} value={f}>{t(`field.${f}`)}</option>)}
        <option value="__custom">{t('field.custom')}</option>
      </select>
      {!builtIn && <input aria-label={t('field.customName')} className={sized('!w-36')} placeholder={t('field.customPlaceholder')} value={rule.field}
        onChange={(e) => onChange({ ...rule, field: e.target.value })} />}
      <select aria-label={t('op.label')} className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as AttributeOp })}>
        {/* A stored rule with a comparison its field no longer allows still shows it (the server names it). */}
        {(ops.includes(rule.op) ? ops : [...ops, rule.op]).map((o) => <option key={o} value={o}>{opLabel(o)}</option>)}
      </select>
      {rule.op !== 'exists' && <ValueInput type={type} rule={rule} onChange={onChange} label={t('value.label')} />}
    </>
  );
}
