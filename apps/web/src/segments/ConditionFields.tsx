// The inputs of one condition, by its kind (orders / bought / attribute here; behaviour in ActivityFields).
import { ActivityFields, sized, small, WithinDays } from './ActivityFields';
import { attributeFields, attributeOps, orderMeasures, orderOps, type ConditionRule } from './rule';
import { LIST_IDS } from './vocabulary';

const dateOpLabels: Record<string, string> = { equals: 'is on', not_equals: 'is not on', gt: 'is after', lt: 'is before' };

export function ConditionFields({ rule, onChange }: { rule: ConditionRule; onChange(r: ConditionRule): void }) {
  if (rule.kind === 'orders') {
    return (
      <>
        <select aria-label="Measure" className={small} value={rule.measure} onChange={(e) => {
          const measure = e.target.value as typeof rule.measure;
          // Days since the last order has no time window of its own.
          onChange({ ...rule, measure, withinDays: measure === 'daysSinceLastOrder' ? undefined : rule.withinDays });
        }}>
          {orderMeasures.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
        </select>
        <select aria-label="Comparison" className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}>
          {orderOps.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        <input type="number" min={0} aria-label="Value" className={sized('!w-24')} value={rule.value}
          onChange={(e) => onChange({ ...rule, value: Number.isNaN(e.target.valueAsNumber) ? 0 : e.target.valueAsNumber })} />
        {rule.measure !== 'daysSinceLastOrder' && <WithinDays value={rule.withinDays} onChange={(withinDays) => onChange({ ...rule, withinDays })} />}
      </>
    );
  }
  if (rule.kind === 'bought') {
    return (
      <>
        <select aria-label="Bought or not" className={small} value={rule.negate ? 'not' : 'has'} onChange={(e) => onChange({ ...rule, negate: e.target.value === 'not' })}>
          <option value="has">has bought</option>
          <option value="not">has not bought</option>
        </select>
        <select aria-label="Product or category" className={small} value={rule.what} onChange={(e) => onChange({ ...rule, what: e.target.value as typeof rule.what })}>
          <option value="category">in category</option>
          <option value="brand">from brand</option>
          <option value="product">the product</option>
        </select>
        <input aria-label={{ product: 'Product id', category: 'Category', brand: 'Brand' }[rule.what]} className={sized('!w-44')} value={rule.value}
          list={rule.what === 'category' ? LIST_IDS.categories : rule.what === 'brand' ? LIST_IDS.brands : undefined}
          placeholder={{ product: 'product id', category: 'e.g. Running', brand: 'e.g. Sony' }[rule.what]} onChange={(e) => onChange({ ...rule, value: e.target.value })} />
        <WithinDays value={rule.withinDays} onChange={(withinDays) => onChange({ ...rule, withinDays })} />
      </>
    );
  }
  if (rule.kind !== 'attribute') return <ActivityFields rule={rule} onChange={onChange} />;
  const isDate = rule.field === 'signupDate';
  const builtIn = attributeFields.some((f) => f.value === rule.field);
  return (
    <>
      <select aria-label="Field" className={small} value={builtIn ? rule.field : '__custom'}
        onChange={(e) => {
          const field = e.target.value === '__custom' ? '' : e.target.value;
          // A date needs a date operator and value; switching away from it starts clean too.
          if (field === 'signupDate') onChange({ ...rule, field, op: 'gt', value: '2025-01-01' });
          else onChange({ ...rule, field, ...(isDate ? { op: 'equals' as const, value: '' } : {}) });
        }}>
        {attributeFields.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
        <option value="__custom">Custom attribute…</option>
      </select>
      {!builtIn && <input aria-label="Attribute name" className={sized('!w-36')} placeholder="attribute key" value={rule.field}
        onChange={(e) => onChange({ ...rule, field: e.target.value })} />}
      <select aria-label="Operator" className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}>
        {attributeOps.filter((o) => !(isDate && (o.value === 'contains' || o.value === 'exists'))).map((o) => (
          <option key={o.value} value={o.value}>{isDate ? dateOpLabels[o.value] ?? o.label : o.label}</option>
        ))}
      </select>
      {rule.op !== 'exists' && <input aria-label="Value" type={rule.field === 'signupDate' ? 'date' : 'text'} className={sized('!w-40')} value={String(rule.value ?? '')}
        onChange={(e) => onChange({ ...rule, value: e.target.value })} />}
    </>
  );
}
