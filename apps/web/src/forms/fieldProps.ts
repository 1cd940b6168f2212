// What every input of the generated form receives: its field, value and path, and the form's
// shared context (errors by path, plugin widgets, the whole config, whether editing is allowed).
import type { WidgetProps } from '@afterglow/node-sdk';
import type { ComponentType } from 'react';
import type { FieldSchema } from './jsonSchema';

/** Plugin widgets by full name ('sms/phone'). */
export type PluginWidgets = ReadonlyMap<string, ComponentType<WidgetProps>>;

export interface FormContext {
  errors: Map<string, string>;
  widgets: PluginWidgets;
  /** The whole value being edited (a node's config), handed to plugin widgets. */
  config: Record<string, unknown>;
  disabled: boolean;
  /** The events that start the journey (an `event-property` field without `eventField` offers their keys). */
  triggerEvents: readonly string[];
}

export interface FieldProps {
  field: FieldSchema;
  value: unknown;
  onChange(next: unknown): void;
  /** The DOM id the field's label points at. */
  id: string;
  /** Dotted path in the value ('headers.0.name'): where its errors are found. */
  path: string;
  form: FormContext;
}

export const invalidClass = (invalid: boolean) => (invalid ? 'ring-rose-300 bg-rose-50/40' : '');
