// The plain inputs of the generated form: text, number, checkbox, select, secret, textarea.
// A field's `placeholder` shows in the empty input and its `unit` ("points", "%") after it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../ui/kit';
import { invalidClass, type FieldProps } from './fieldProps';
import { optionsOf } from './jsonSchema';

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function WithUnit({ unit, children }: { unit?: string; children: ReactNode }) {
  if (!unit) return children;
  return (
    <div className="flex items-center gap-2">
      <div className="min-w-0 flex-1">{children}</div>
      <span className="shrink-0 text-xs text-slate-500" data-testid="field-unit">{unit}</span>
    </div>
  );
}

export function TextInput({ field, value, onChange, id, path, form }: FieldProps) {
  return (
    <WithUnit unit={field.unit}>
      <input id={id} type="text" placeholder={field.placeholder} className={`${inputClass} ${invalidClass(form.errors.has(path))}`}
        value={text(value)} onChange={(e) => onChange(e.target.value)} />
    </WithUnit>
  );
}

/** A secret is not shown to whoever looks over the marketer's shoulder. */
export function SecretInput({ field, value, onChange, id, path, form }: FieldProps) {
  return (
    <input id={id} type="password" autoComplete="off" placeholder={field.placeholder} className={`${inputClass} ${invalidClass(form.errors.has(path))}`}
      value={text(value)} onChange={(e) => onChange(e.target.value)} />
  );
}

export function TextareaInput({ field, value, onChange, id, path, form }: FieldProps) {
  return (
    <textarea id={id} rows={4} placeholder={field.placeholder} value={text(value)} onChange={(e) => onChange(e.target.value)}
      className={`${inputClass} ${invalidClass(form.errors.has(path))} resize-y`} />
  );
}

export function NumberInput({ field, value, onChange, id, path, form }: FieldProps) {
  return (
    <WithUnit unit={field.unit}>
      <input id={id} type="number" inputMode="numeric" placeholder={field.placeholder} min={field.minimum} max={field.maximum}
        className={`${inputClass} ${invalidClass(form.errors.has(path))}`} value={text(value)}
        // Half-typed input ('-', '') stays text: the schema names it instead of the field jumping to 0.
        onChange={(e) => onChange(e.target.value === '' || Number.isNaN(e.target.valueAsNumber) ? e.target.value : e.target.valueAsNumber)} />
    </WithUnit>
  );
}

export function CheckboxInput({ value, onChange, id }: FieldProps) {
  return <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4 accent-violet-600" />;
}

export function SelectInput({ field, value, onChange, id, path, form }: FieldProps) {
  const { t } = useTranslation('forms');
  const options = optionsOf(field) ?? [];
  const index = options.findIndex((o) => o.value === value);
  return (
    <WithUnit unit={field.unit}>
      <select id={id} className={`${inputClass} ${invalidClass(form.errors.has(path))}`} value={index < 0 ? '' : String(index)}
        onChange={(e) => onChange(options[Number(e.target.value)]?.value)}>
        {index < 0 && <option value="">{field.placeholder ?? t('select.choose')}</option>}
        {options.map((o, i) => <option key={String(o.value)} value={String(i)}>{o.label}</option>)}
      </select>
    </WithUnit>
  );
}
