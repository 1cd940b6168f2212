// Config forms are generated from each node type's zod schema via z.toJSONSchema, which
// keeps the `.meta()` UI hints (label, help, widget, options, showIf, unit, ...) on every property.
import { localizeNode, newItemId, type FieldMeta, type NodeTypeDefinition } from '@afterglow/node-sdk';
import { z } from 'zod';

export interface FieldOption { value: string | number | boolean; label: string }

export interface FieldSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  label?: string;
  help?: string;
  placeholder?: string;
  widget?: string;
  options?: FieldOption[];
  enum?: (string | number)[];
  /** Show the field only while sibling fields hold this value (or one of these values). */
  showIf?: Record<string, unknown>;
  unit?: string;
  eventField?: string;
  language?: FieldMeta['language'];
  secretTarget?: boolean;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  items?: FieldSchema;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  default?: unknown;
}

/** By definition, then by locale ('' for English). */
const cache = new WeakMap<object, Map<string, FieldSchema>>();

/** The form of a node type's config, its texts in `locale` where the type translates them. */
export function formSchemaOf(def: NodeTypeDefinition, locale?: string): FieldSchema {
  let byLocale = cache.get(def);
  if (!byLocale) cache.set(def, (byLocale = new Map()));
  let schema = byLocale.get(locale ?? '');
  if (!schema) {
    const english = z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }) as FieldSchema;
    const text = localizeNode(def, locale);
    schema = locale ? localizeFields(english, (path, meta) => text.field(path, meta)) : english;
    byLocale.set(locale ?? '', schema);
  }
  return schema;
}

/**
 * Each field's label, help, placeholder and option labels as `translate` gives them, by dotted
 * path without list indices ('headers.name'), the keys of a definition's `translations`.
 */
function localizeFields(schema: FieldSchema, translate: (path: string, meta: FieldMeta) => FieldMeta, path = ''): FieldSchema {
  const out: FieldSchema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, field]) => {
      const fieldPath = path ? `${path}.${key}` : key;
      const meta = translate(fieldPath, { ...metaOf(field), options: optionsOf(field) });
      const texts = { label: meta.label, help: meta.help, placeholder: meta.placeholder, options: meta.options };
      const localized = { ...field, ...Object.fromEntries(Object.entries(texts).filter(([, v]) => v !== undefined)) };
      return [key, localizeFields(localized, translate, fieldPath)];
    }));
  }
  if (schema.items) out.items = localizeFields(schema.items, translate, path);
  return out;
}

export function isVisible(field: FieldSchema, siblings: Record<string, unknown>): boolean {
  if (!field.showIf) return true;
  return Object.entries(field.showIf).every(([key, want]) =>
    Array.isArray(want) ? want.includes(siblings[key]) : siblings[key] === want);
}

/** A sensible starting value for a new list item or a missing field. */
export function initialValue(field: FieldSchema): unknown {
  // A list item's id is its own from the moment it is added (itemIdSchema).
  if (field.widget === 'item-id') return newItemId();
  if (field.default !== undefined) return field.default;
  if (field.options?.length) return field.options[0].value;
  if (field.enum?.length) return field.enum[0];
  switch (field.type) {
    case 'number': case 'integer': return field.minimum ?? 0;
    case 'boolean': return false;
    case 'array': return [];
    case 'object':
      return Object.fromEntries(Object.entries(field.properties ?? {}).map(([k, f]) => [k, initialValue(f)]));
    default: return '';
  }
}

/** The item field holding a list item's stable id (itemIdSchema), if the item has one. */
export function itemIdKey(item: FieldSchema): string | undefined {
  return Object.entries(item.properties ?? {}).find(([, f]) => f.widget === 'item-id')?.[0];
}

export function labelOf(key: string, field: FieldSchema): string {
  return field.label ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

/** A select's choices: the field's options, else its enum's values as they are. */
export function optionsOf(field: FieldSchema): FieldOption[] | undefined {
  return field.options ?? field.enum?.map((v) => ({ value: v, label: String(v) }));
}

/** The hints a plugin widget receives (WidgetProps.meta). */
export function metaOf(field: FieldSchema): FieldMeta {
  const { label, help, placeholder, options, showIf, unit, eventField, language, secretTarget } = field;
  const meta: FieldMeta = { label, help, placeholder, options, showIf: showIf as FieldMeta['showIf'], unit, eventField, language, secretTarget };
  if (field.widget) meta.widget = field.widget as FieldMeta['widget'];
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as FieldMeta;
}

/** Issues keyed by dotted field path ('filters.0.value'); first message wins. */
export function issuesByField(issues: { field: string; message: string }[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const i of issues) if (!map.has(i.field)) map.set(i.field, i.message);
  return map;
}

/** The message for the field at `path`; with `deep`, else the first one of its parts ('delay.amount'). */
export function fieldError(errors: Map<string, string>, path: string, deep: boolean): string | undefined {
  const exact = errors.get(path);
  if (exact !== undefined || !deep) return exact;
  for (const [key, message] of errors) if (key.startsWith(`${path}.`)) return message;
  return undefined;
}
