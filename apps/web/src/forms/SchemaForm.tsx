// One generic form for every node type: fields, widgets and visibility all come from the
// JSON Schema of the type's zod config, never from the type's id.
import { inputClass } from '../ui/kit';
import { initialValue, isVisible, labelOf, type FieldSchema } from './jsonSchema';
import { EmailTemplateSelect, EventNameInput, SegmentSelect } from './widgets';

type Obj = Record<string, unknown>;
interface FieldProps { field: FieldSchema; value: unknown; onChange(next: unknown): void; id: string; path: string; errors: Map<string, string> }

export function SchemaForm({ schema, value, onChange, errors, idPrefix }:
  { schema: FieldSchema; value: Obj; onChange(next: Obj): void; errors: Map<string, string>; idPrefix: string }) {
  return <ObjectFields schema={schema} value={value} onChange={onChange} errors={errors} path="" idPrefix={idPrefix} />;
}

function ObjectFields({ schema, value, onChange, errors, path, idPrefix }:
  { schema: FieldSchema; value: Obj; onChange(next: Obj): void; errors: Map<string, string>; path: string; idPrefix: string }) {
  // A config saved before a field existed lacks it: visibility then reads the field's default.
  const withDefaults = { ...Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, f]) => [k, f.default])), ...value };
  return (
    <div className="space-y-4">
      {Object.entries(schema.properties ?? {}).map(([key, field]) => {
        if (!isVisible(field, withDefaults)) return null;
        const fieldPath = path ? `${path}.${key}` : key;
        const id = `${idPrefix}-${fieldPath.replace(/\./g, '-')}`;
        const error = errors.get(fieldPath);
        const isList = field.type === 'array';
        return (
          <div key={key}>
            <label htmlFor={isList ? undefined : id} className="mb-1 block text-xs font-semibold text-slate-700">{labelOf(key, field)}</label>
            <FieldInput field={field} value={value[key]} id={id} path={fieldPath} errors={errors}
              onChange={(next) => onChange({ ...value, [key]: next })} />
            {error && <p className="mt-1 text-xs font-medium text-rose-600" data-testid={`field-error-${fieldPath}`}>{error}</p>}
            {!error && field.help && <p className="mt-1 text-xs text-slate-500">{field.help}</p>}
          </div>
        );
      })}
    </div>
  );
}

function FieldInput(props: FieldProps) {
  const { field, value, onChange, id } = props;
  const invalid = props.errors.has(props.path) ? 'ring-rose-300 bg-rose-50/40' : '';
  const options = field.options ?? field.enum?.map((v) => ({ value: v, label: String(v) }));
  if (field.widget === 'segment') return <SegmentSelect id={id} value={String(value ?? '')} onChange={onChange} className={invalid} />;
  if (field.widget === 'email-template') return <EmailTemplateSelect id={id} value={String(value ?? '')} onChange={onChange} className={invalid} />;
  if (field.widget === 'event-name') return <EventNameInput id={id} value={String(value ?? '')} onChange={onChange} className={invalid} />;
  if (field.type === 'array') return <ListField {...props} />;
  if (options) {
    const index = options.findIndex((o) => o.value === value);
    return (
      <select id={id} className={`${inputClass} ${invalid}`} value={index < 0 ? '' : String(index)}
        onChange={(e) => onChange(options[Number(e.target.value)]?.value)}>
        {index < 0 && <option value="">Choose…</option>}
        {options.map((o, i) => <option key={String(o.value)} value={String(i)}>{o.label}</option>)}
      </select>
    );
  }
  if (field.widget === 'mjml' || field.widget === 'json' || field.widget === 'textarea') {
    const mono = field.widget !== 'textarea' ? 'font-mono text-xs leading-relaxed' : '';
    return <textarea id={id} rows={field.widget === 'mjml' ? 14 : field.widget === 'json' ? 8 : 4} spellCheck={false} value={String(value ?? '')}
      onChange={(e) => onChange(e.target.value)} className={`${inputClass} ${mono} ${invalid} resize-y`} />;
  }
  if (field.type === 'boolean') {
    return <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4 accent-violet-600" />;
  }
  if (field.type === 'number' || field.type === 'integer') {
    return <input id={id} type="number" inputMode="numeric" className={`${inputClass} ${invalid}`} min={field.minimum} max={field.maximum}
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' || Number.isNaN(e.target.valueAsNumber) ? e.target.value : e.target.valueAsNumber)} />;
  }
  // A secret is not shown to whoever looks over the marketer's shoulder.
  if (field.widget === 'secret') {
    return <input id={id} type="password" autoComplete="off" className={`${inputClass} ${invalid}`} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
  }
  return <input id={id} type="text" className={`${inputClass} ${invalid}`} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
}

function ListField({ field, value, onChange, id, path, errors }: FieldProps) {
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const item = field.items ?? { type: 'string' };
  const canAdd = field.maxItems === undefined || items.length < field.maxItems;
  const update = (i: number, next: unknown) => onChange(items.map((x, j) => (j === i ? next : x)));
  return (
    <div className="space-y-2" role="group" aria-label={field.label}>
      {items.length === 0 && <p className="text-xs text-slate-400">None yet.</p>}
      {items.map((entry, i) => (
        <div key={i} className="relative rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
          <button type="button" aria-label={`Remove ${field.label ?? 'item'} ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))}
            className="absolute right-2 top-2 rounded px-1.5 text-xs text-slate-400 hover:bg-slate-200 hover:text-slate-700">Remove</button>
          {item.type === 'object'
            ? <ObjectFields schema={item} value={(entry ?? {}) as Obj} onChange={(next) => update(i, next)} errors={errors} path={`${path}.${i}`} idPrefix={id} />
            : <FieldInput field={item} value={entry} onChange={(next) => update(i, next)} id={`${id}-${i}`} path={`${path}.${i}`} errors={errors} />}
        </div>
      ))}
      {canAdd && (
        <button type="button" onClick={() => onChange([...items, initialValue(item)])}
          aria-label={`Add to ${field.label ?? 'list'}`}
          className="text-xs font-medium text-violet-700 hover:text-violet-900">+ Add{field.label ? ` to “${field.label}”` : ''}</button>
      )}
    </div>
  );
}
