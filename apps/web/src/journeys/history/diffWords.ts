// The words of a version diff: a changed field by the label its node type gives it in the
// user's language (its key when the type does not label it), and a value as a marketer reads
// it: a template or segment by its name, a yes/no, a number, a short text; a list or group
// of settings in brief.
import { definitionOf, type GraphNode } from '@afterglow/journey-core';
import type { SummaryNames } from '@afterglow/node-sdk';
import { formSchemaOf } from '../../forms/jsonSchema';
import { registry } from '../editor/registry';

const LONG = 80;

export function fieldLabel(node: Pick<GraphNode, 'type' | 'typeVersion'> | undefined, field: string, locale: string): string {
  const def = node && (definitionOf(registry, node as GraphNode) ?? registry.get(node.type));
  return (def && formSchemaOf(def, locale).properties?.[field]?.label) || field;
}

export function valueWords(
  node: Pick<GraphNode, 'type' | 'typeVersion'> | undefined, field: string, value: unknown, locale: string, names: SummaryNames,
  yesNo: (v: boolean) => string,
): string {
  if (value === undefined || value === null || value === '') return '—';
  const def = node && (definitionOf(registry, node as GraphNode) ?? registry.get(node.type));
  const schema = def ? formSchemaOf(def, locale).properties?.[field] : undefined;
  if (typeof value === 'string' && schema?.widget === 'email-template') return names.template?.(value) ?? value;
  if (typeof value === 'string' && schema?.widget === 'segment') return names.segment?.(value) ?? value;
  const option = schema?.options?.find((o) => o.value === value);
  if (option) return option.label;
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > LONG ? `${text.slice(0, LONG - 1)}…` : text;
}
