// One generic form for every node type: fields, widgets and visibility all come from the
// JSON Schema of the type's zod config, never from the type's id. A field's `.meta()` widget
// picks its input (widgetChoice.ts); a plugin's widgets come in as a prop, not a global.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField } from './CodeField';
import { DateTimeInput } from './DateTimeInput';
import { DurationInput } from './DurationInput';
import { invalidClass, type FieldProps, type FormContext, type PluginWidgets } from './fieldProps';
import { CheckboxInput, NumberInput, SecretInput, SelectInput, TextareaInput, TextInput } from './inputs';
import { fieldError, initialValue, isVisible, itemIdKey, labelOf, type FieldSchema } from './jsonSchema';
import { KeyValueInput } from './KeyValueInput';
import { PluginField } from './pluginWidgets';
import { chooseWidget, warnUnknownWidget, type FormWidget } from './widgetChoice';
import { EventPicker } from './EventPicker';
import { EventPropertyPicker } from './EventPropertyPicker';
import { EmailTemplateSelect, SegmentSelect } from './widgets';
// zod's own validation messages follow the user's language from the first form on.
import './zodLocale';

type Obj = Record<string, unknown>;
const noWidgets: PluginWidgets = new Map();

const noEvents: readonly string[] = [];

export function SchemaForm({ schema, value, onChange, errors, idPrefix, widgets = noWidgets, disabled = false, triggerEvents = noEvents }: {
  schema: FieldSchema; value: Obj; onChange(next: Obj): void; errors: Map<string, string>; idPrefix: string;
  /** The enabled plugins' widgets (pluginWidgets(registry.plugins())). */
  widgets?: PluginWidgets;
  disabled?: boolean;
  /** The events that start the journey: whose keys an `event-property` field without `eventField` offers. */
  triggerEvents?: readonly string[];
}) {
  const form: FormContext = { errors, widgets, config: value, disabled, triggerEvents };
  return <ObjectFields schema={schema} value={value} onChange={onChange} form={form} path="" idPrefix={idPrefix} />;
}

/** Widgets that show their parts' fields (with those fields' errors) themselves. */
const NESTED = new Set<FormWidget>(['list', 'fields']);
/** Widgets with no single input for the label to point at. */
const GROUPS = new Set<FormWidget>(['list', 'fields', 'key-value']);

function ObjectFields({ schema, value, onChange, form, path, idPrefix }:
  { schema: FieldSchema; value: Obj; onChange(next: Obj): void; form: FormContext; path: string; idPrefix: string }) {
  // A config saved before a field existed lacks it: visibility and its input read the field's default.
  const withDefaults = { ...Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, f]) => [k, f.default])), ...value };
  return (
    <div className="space-y-4">
      {Object.entries(schema.properties ?? {}).map(([key, field]) => {
        // A list item's id is never shown: the form made it, nobody edits it.
        if (!isVisible(field, withDefaults) || field.widget === 'item-id') return null;
        const fieldPath = path ? `${path}.${key}` : key;
        const id = `${idPrefix}-${fieldPath.replace(/\./g, '-')}`;
        const choice = chooseWidget(field, (name) => form.widgets.has(name));
        const builtIn = choice.kind === 'built-in' ? choice.widget : null;
        // A composite input (a duration, key-value rows, a plugin's) shows its parts' errors here.
        const error = fieldError(form.errors, fieldPath, !(builtIn && NESTED.has(builtIn)));
        return (
          <div key={key}>
            <label htmlFor={builtIn && GROUPS.has(builtIn) ? undefined : id} className="mb-1 block text-xs font-semibold text-slate-700">{labelOf(key, field)}</label>
            <FieldInput field={field} value={withDefaults[key]} id={id} path={fieldPath} form={form}
              onChange={(next) => onChange({ ...value, [key]: next })} />
            {error && <p className="mt-1 text-xs font-medium text-rose-600" data-testid={`field-error-${fieldPath}`}>{error}</p>}
            {!error && field.help && <p className="mt-1 text-xs text-slate-500">{field.help}</p>}
          </div>
        );
      })}
    </div>
  );
}

const picker = (Picker: typeof SegmentSelect) => (p: FieldProps) =>
  <Picker id={p.id} value={String(p.value ?? '')} onChange={p.onChange} className={invalidClass(p.form.errors.has(p.path))} />;

/** The event whose keys a property field offers: the one its `eventField` names, else the trigger's. */
function eventsOf(p: FieldProps): readonly string[] {
  if (!p.field.eventField) return p.form.triggerEvents;
  const name = p.form.config[p.field.eventField];
  return typeof name === 'string' && name.trim() ? [name] : noEvents;
}

/** Every built-in widget (and nested fields): a Record, so none can be forgotten. */
const inputs: Record<FormWidget, (p: FieldProps) => ReactNode> = {
  text: (p) => <TextInput {...p} />,
  textarea: (p) => <TextareaInput {...p} />,
  number: (p) => <NumberInput {...p} />,
  checkbox: (p) => <CheckboxInput {...p} />,
  select: (p) => <SelectInput {...p} />,
  secret: (p) => <SecretInput {...p} />,
  datetime: (p) => <DateTimeInput {...p} />,
  duration: (p) => <DurationInput {...p} />,
  'key-value': (p) => <KeyValueInput {...p} />,
  segment: picker(SegmentSelect),
  'email-template': picker(EmailTemplateSelect),
  'event-name': picker(EventPicker),
  'event-property': (p) => <EventPropertyPicker id={p.id} value={String(p.value ?? '')} onChange={p.onChange}
    className={invalidClass(p.form.errors.has(p.path))} events={eventsOf(p)} placeholder={p.field.placeholder} />,
  code: (p) => <CodeField {...p} widget="code" />,
  json: (p) => <CodeField {...p} widget="json" />,
  mjml: (p) => <CodeField {...p} widget="mjml" />,
  'item-id': () => null,
  list: (p) => <ListField {...p} />,
  fields: (p) => (
    <div className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200" role="group" aria-label={p.field.label}>
      <ObjectFields schema={p.field} value={(p.value ?? {}) as Obj} onChange={p.onChange} form={p.form} path={p.path} idPrefix={p.id} />
    </div>
  ),
};

function FieldInput(props: FieldProps) {
  const choice = chooseWidget(props.field, (name) => props.form.widgets.has(name));
  const unknown = choice.kind === 'built-in' ? choice.unknown : undefined;
  useEffect(() => { if (unknown) warnUnknownWidget(unknown); }, [unknown]);
  if (choice.kind === 'plugin') return <PluginField {...props} name={choice.name} />;
  return inputs[choice.widget](props);
}

function ListField({ field, value, onChange, id, path, form }: FieldProps) {
  const { t } = useTranslation('forms');
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const item = field.items ?? { type: 'string' };
  const canAdd = field.maxItems === undefined || items.length < field.maxItems;
  const update = (i: number, next: unknown) => onChange(items.map((x, j) => (j === i ? next : x)));
  // Items with ids of their own keep their inputs when another item is removed above them.
  const idKey = itemIdKey(item);
  const keyOf = (entry: unknown, i: number) => (idKey ? String((entry as Obj | null)?.[idKey] ?? i) : i);
  return (
    <div className="space-y-2" role="group" aria-label={field.label}>
      {items.length === 0 && <p className="text-xs text-slate-400">{t('list.empty')}</p>}
      {items.map((entry, i) => (
        <div key={keyOf(entry, i)} className="relative rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
          <button type="button" aria-label={t('list.removeItem', { label: field.label ?? t('list.item'), number: i + 1 })}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
            className="absolute right-2 top-2 rounded px-1.5 text-xs text-slate-400 hover:bg-slate-200 hover:text-slate-700">{t('list.remove')}</button>
          {item.type === 'object'
            ? <ObjectFields schema={item} value={(entry ?? {}) as Obj} onChange={(next) => update(i, next)} form={form} path={`${path}.${i}`} idPrefix={id} />
            : <FieldInput field={item} value={entry} onChange={(next) => update(i, next)} id={`${id}-${i}`} path={`${path}.${i}`} form={form} />}
        </div>
      ))}
      {canAdd && (
        <button type="button" onClick={() => onChange([...items, initialValue(item)])}
          aria-label={t('list.addTo', { label: field.label ?? t('list.theList') })}
          className="text-xs font-medium text-violet-700 hover:text-violet-900">{field.label ? t('list.addToNamed', { label: field.label }) : t('list.add')}</button>
      )}
    </div>
  );
}
