// The inputs of one condition, by its kind (orders / bought / attribute).
import { inputClass } from '../ui/kit';
import { attributeFields, attributeOps, orderOps, type ConditionRule } from './rule';

const small = `${inputClass} !w-auto !py-1.5`;
const sized = (width: string) => `${inputClass} !py-1.5 ${width}`;

function WithinDays({ value, onChange }: { value: number | undefined; onChange(v: number | undefined): void }) {
  return (
    <>
      <select aria-label="Time window" className={small} value={value === undefined ? 'ever' : 'within'}
        onChange={(e) => onChange(e.target.value === 'ever' ? undefined : 90)}>
        <option value="ever">ever</option>
        <option value="within">in the last</option>
      </select>
      {value !== undefined && (
        <>
          <input type="number" min={1} aria-label="Days" className={sized('!w-20')} value={value}
            onChange={(e) => onChange(e.target.valueAsNumber || 1)} />
          <span className="text-sm text-slate-600">days</span>
        </>
      )}
    </>
  );
}

export function ConditionFields({ rule, onChange }: { rule: ConditionRule; onChange(r: ConditionRule): void }) {
  if (rule.kind === 'orders') {
    return (
      <>
        <select aria-label="Measure" className={small} value={rule.measure} onChange={(e) => onChange({ ...rule, measure: e.target.value as typeof rule.measure })}>
          <option value="count">number of orders is</option>
          <option value="totalSpent">total spent is</option>
        </select>
        <select aria-label="Comparison" className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}>
          {orderOps.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        <input type="number" min={0} aria-label="Value" className={sized('!w-24')} value={rule.value}
          onChange={(e) => onChange({ ...rule, value: Number.isNaN(e.target.valueAsNumber) ? 0 : e.target.valueAsNumber })} />
        <WithinDays value={rule.withinDays} onChange={(withinDays) => onChange({ ...rule, withinDays })} />
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
          <option value="product">the product</option>
        </select>
        <input aria-label={rule.what === 'product' ? 'Product id' : 'Category'} className={sized('!w-44')} value={rule.value}
          placeholder={rule.what === 'product' ? 'product id' : 'e.g. Running'} onChange={(e) => onChange({ ...rule, value: e.target.value })} />
        <WithinDays value={rule.withinDays} onChange={(withinDays) => onChange({ ...rule, withinDays })} />
      </>
    );
  }
  const builtIn = attributeFields.some((f) => f.value === rule.field);
  return (
    <>
      <select aria-label="Field" className={small} value={builtIn ? rule.field : '__custom'}
        onChange={(e) => onChange({ ...rule, field: e.target.value === '__custom' ? '' : e.target.value })}>
        {attributeFields.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
        <option value="__custom">Custom attribute…</option>
      </select>
      {!builtIn && <input aria-label="Attribute name" className={sized('!w-36')} placeholder="attribute key" value={rule.field}
        onChange={(e) => onChange({ ...rule, field: e.target.value })} />}
      <select aria-label="Operator" className={small} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value as typeof rule.op })}>
        {attributeOps.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {rule.op !== 'exists' && <input aria-label="Value" className={sized('!w-40')} value={String(rule.value ?? '')}
        onChange={(e) => onChange({ ...rule, value: e.target.value })} />}
    </>
  );
}
