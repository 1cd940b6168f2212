// Which input edits a field: its `.meta()` widget when Afterglow or an enabled plugin has it,
// else the default for its JSON type. A name nobody has (a plugin that is not enabled, a
// schema written without the SDK's types) falls back to that default; the form says so once
// on the console instead of failing.
import type { BuiltInWidget } from '@afterglow/node-sdk';
import type { FieldSchema } from './jsonSchema';

// A Record, so a widget added to the SDK's list does not compile here until the form has it.
const BUILT_IN: Record<BuiltInWidget, true> = {
  text: true, textarea: true, number: true, checkbox: true, select: true, datetime: true, duration: true,
  segment: true, 'email-template': true, 'event-name': true, 'event-property': true, 'key-value': true, code: true, json: true,
  mjml: true, secret: true, list: true, 'item-id': true,
};

/** A built-in widget, or 'fields': a nested object edited as its own fields. */
export type FormWidget = BuiltInWidget | 'fields';

type WidgetChoice =
  | { kind: 'built-in'; widget: FormWidget; /** The hinted name nobody has, when falling back. */ unknown?: string }
  | { kind: 'plugin'; name: string };

function isBuiltInWidget(name: string): name is BuiltInWidget {
  return Object.hasOwn(BUILT_IN, name);
}

/** The input for a field whose hints name no widget. */
function defaultWidget(field: FieldSchema): FormWidget {
  if (field.options?.length || field.enum?.length) return 'select';
  switch (field.type) {
    case 'boolean': return 'checkbox';
    case 'number': case 'integer': return 'number';
    case 'array': return 'list';
    case 'object': return 'fields';
    default: return 'text';
  }
}

export function chooseWidget(field: FieldSchema, hasPluginWidget: (name: string) => boolean): WidgetChoice {
  const name = field.widget;
  if (!name) return { kind: 'built-in', widget: defaultWidget(field) };
  if (isBuiltInWidget(name)) return { kind: 'built-in', widget: name };
  if (hasPluginWidget(name)) return { kind: 'plugin', name };
  return { kind: 'built-in', widget: defaultWidget(field), unknown: name };
}

const warned = new Set<string>();

/** One console warning per unknown widget name, however often the form renders. */
export function warnUnknownWidget(name: string): void {
  if (warned.has(name)) return;
  warned.add(name);
  console.warn(`Afterglow: no widget "${name}" (is its plugin enabled in afterglow.config.ts?); the field uses the default input`);
}
