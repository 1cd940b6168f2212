// Config forms are generated from each node type's zod schema via z.toJSONSchema, which
// keeps the `.meta()` UI hints (label, help, widget, options, showIf) on every property.
import type { NodeTypeDefinition } from '@afterglow/node-sdk';
import { z } from 'zod';

export interface FieldOption { value: string | number | boolean; label: string }

export interface FieldSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  label?: string;
  help?: string;
  widget?: 'select' | 'mjml' | 'segment' | 'event-name' | 'list' | 'textarea' | string;
  options?: FieldOption[];
  enum?: (string | number)[];
  /** Show the field only while sibling fields hold these values. */
  showIf?: Record<string, unknown>;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  items?: FieldSchema;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  default?: unknown;
}

const cache = new WeakMap<object, FieldSchema>();

export function formSchemaOf(def: NodeTypeDefinition): FieldSchema {
  let schema = cache.get(def);
  if (!schema) {
    schema = z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }) as FieldSchema;
    cache.set(def, schema);
  }
  return schema;
}

export function isVisible(field: FieldSchema, siblings: Record<string, unknown>): boolean {
  if (!field.showIf) return true;
  return Object.entries(field.showIf).every(([key, want]) =>
    Array.isArray(want) ? want.includes(siblings[key]) : siblings[key] === want);
}

/** A sensible starting value for a new list item or a missing field. */
export function initialValue(field: FieldSchema): unknown {
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

export function labelOf(key: string, field: FieldSchema): string {
  return field.label ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

/** Issues keyed by dotted field path ('filters.0.value'); first message wins. */
export function issuesByField(issues: { field: string; message: string }[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const i of issues) if (!map.has(i.field)) map.set(i.field, i.message);
  return map;
}
