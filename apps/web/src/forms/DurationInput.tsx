// The duration widget: `{ amount, unit }` (the SDK's durationSchema) as a number and a unit. The
// SDK's units carry no labels (an enum): they are named here in the user's language.
import { useTranslation } from 'react-i18next';
import { inputClass } from '../ui/kit';
import { invalidClass, type FieldProps } from './fieldProps';
import { optionsOf } from './jsonSchema';

const KNOWN_UNITS = new Set<unknown>(['minutes', 'hours', 'days', 'weeks']);

export function DurationInput({ field, value, onChange, id, path, form }: FieldProps) {
  const { t } = useTranslation('forms');
  const duration = (value && typeof value === 'object' ? value : {}) as { amount?: unknown; unit?: unknown };
  const amountField = field.properties?.amount ?? {};
  // A unit nobody named (its label is its value) is named here; a node type's own label wins.
  const units = (optionsOf(field.properties?.unit ?? {}) ?? []).map((u) =>
    (KNOWN_UNITS.has(u.value) && u.label === u.value ? { ...u, label: t(`duration.unit.${String(u.value)}`) } : u));
  const unitIndex = units.findIndex((u) => u.value === duration.unit);
  return (
    <div className="flex gap-2">
      <div className="w-28 shrink-0">
        <input id={id} type="number" inputMode="numeric" min={amountField.minimum} max={amountField.maximum} placeholder={field.placeholder}
          value={duration.amount === undefined || duration.amount === null ? '' : String(duration.amount)}
          onChange={(e) => onChange({ ...duration, amount: e.target.value === '' || Number.isNaN(e.target.valueAsNumber) ? e.target.value : e.target.valueAsNumber })}
          className={`${inputClass} ${invalidClass(form.errors.has(path) || form.errors.has(`${path}.amount`))}`} />
      </div>
      <select aria-label={t('duration.unitOf', { label: field.label ?? t('duration.label') })} value={unitIndex < 0 ? '' : String(unitIndex)}
        onChange={(e) => onChange({ ...duration, unit: units[Number(e.target.value)]?.value })}
        className={`${inputClass} ${invalidClass(form.errors.has(`${path}.unit`))} min-w-0 flex-1`}>
        {unitIndex < 0 && <option value="">{t('select.choose')}</option>}
        {units.map((u, i) => <option key={String(u.value)} value={String(i)}>{u.label}</option>)}
      </select>
    </div>
  );
}
