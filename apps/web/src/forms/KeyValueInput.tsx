// The key-value widget: `{ key, value }[]` (the SDK's keyValueSchema) as rows of a name and a
// value with add and remove. A value field marked `widget: 'secret'` is typed unseen.
import { useTranslation } from 'react-i18next';
import { inputClass } from '../ui/kit';
import { invalidClass, type FieldProps } from './fieldProps';

interface Row { key: string; value: string }

export function KeyValueInput({ field, value, onChange, id, path, form }: FieldProps) {
  const { t } = useTranslation('forms');
  const rows = (Array.isArray(value) ? value : []) as Row[];
  const keyField = field.items?.properties?.key ?? {};
  const valueField = field.items?.properties?.value ?? {};
  const keyLabel = keyField.label ?? t('keyValue.name');
  const valueLabel = valueField.label ?? t('keyValue.value');
  const secret = valueField.widget === 'secret';
  const canAdd = field.maxItems === undefined || rows.length < field.maxItems;
  const update = (i: number, next: Partial<Row>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...next } : r)));
  return (
    <div className="space-y-1.5" role="group" aria-label={field.label} data-testid={`${id}-rows`}>
      {rows.length === 0 && <p className="text-xs text-slate-400">{t('list.empty')}</p>}
      {rows.map((row, i) => (
        <div key={i} className="flex items-center gap-1.5">
          <input id={`${id}-${i}-key`} type="text" aria-label={t('keyValue.row', { label: keyLabel, number: i + 1 })} placeholder={keyField.placeholder ?? keyLabel}
            value={row.key ?? ''} onChange={(e) => update(i, { key: e.target.value })}
            className={`${inputClass} ${invalidClass(form.errors.has(`${path}.${i}.key`))} min-w-0 flex-1`} />
          <input id={`${id}-${i}-value`} type={secret ? 'password' : 'text'} autoComplete="off" aria-label={t('keyValue.row', { label: valueLabel, number: i + 1 })}
            placeholder={valueField.placeholder ?? valueLabel} value={row.value ?? ''} onChange={(e) => update(i, { value: e.target.value })}
            className={`${inputClass} ${invalidClass(form.errors.has(`${path}.${i}.value`))} min-w-0 flex-1`} />
          <button type="button" aria-label={t('keyValue.removeRow', { label: keyLabel.toLowerCase(), number: i + 1 })}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            className="shrink-0 rounded px-1.5 py-1 text-xs text-slate-400 hover:bg-slate-100 hover:text-slate-700">{t('list.remove')}</button>
        </div>
      ))}
      {canAdd && (
        <button type="button" onClick={() => onChange([...rows, { key: '', value: '' }])} aria-label={t('list.addTo', { label: field.label ?? t('list.theList') })}
          className="text-xs font-medium text-violet-700 hover:text-violet-900">{t('list.add')}</button>
      )}
    </div>
  );
}
