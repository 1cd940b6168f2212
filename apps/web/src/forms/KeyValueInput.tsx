// The key-value widget: `{ key, value }[]` (the SDK's keyValueSchema) as rows of a name and a
// value with add and remove. A value field marked `widget: 'secret'` is typed unseen.
import { inputClass } from '../ui/kit';
import { invalidClass, type FieldProps } from './fieldProps';

interface Row { key: string; value: string }

export function KeyValueInput({ field, value, onChange, id, path, form }: FieldProps) {
  const rows = (Array.isArray(value) ? value : []) as Row[];
  const keyField = field.items?.properties?.key ?? {};
  const valueField = field.items?.properties?.value ?? {};
  const keyLabel = keyField.label ?? 'Name';
  const valueLabel = valueField.label ?? 'Value';
  const secret = valueField.widget === 'secret';
  const canAdd = field.maxItems === undefined || rows.length < field.maxItems;
  const update = (i: number, next: Partial<Row>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...next } : r)));
  return (
    <div className="space-y-1.5" role="group" aria-label={field.label} data-testid={`${id}-rows`}>
      {rows.length === 0 && <p className="text-xs text-slate-400">None yet.</p>}
      {rows.map((row, i) => (
        <div key={i} className="flex items-center gap-1.5">
          <input id={`${id}-${i}-key`} type="text" aria-label={`${keyLabel} ${i + 1}`} placeholder={keyField.placeholder ?? keyLabel}
            value={row.key ?? ''} onChange={(e) => update(i, { key: e.target.value })}
            className={`${inputClass} ${invalidClass(form.errors.has(`${path}.${i}.key`))} min-w-0 flex-1`} />
          <input id={`${id}-${i}-value`} type={secret ? 'password' : 'text'} autoComplete="off" aria-label={`${valueLabel} ${i + 1}`}
            placeholder={valueField.placeholder ?? valueLabel} value={row.value ?? ''} onChange={(e) => update(i, { value: e.target.value })}
            className={`${inputClass} ${invalidClass(form.errors.has(`${path}.${i}.value`))} min-w-0 flex-1`} />
          <button type="button" aria-label={`Remove ${keyLabel.toLowerCase()} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}
            className="shrink-0 rounded px-1.5 py-1 text-xs text-slate-400 hover:bg-slate-100 hover:text-slate-700">Remove</button>
        </div>
      ))}
      {canAdd && (
        <button type="button" onClick={() => onChange([...rows, { key: '', value: '' }])} aria-label={`Add to ${field.label ?? 'the list'}`}
          className="text-xs font-medium text-violet-700 hover:text-violet-900">+ Add</button>
      )}
    </div>
  );
}
