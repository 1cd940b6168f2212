import { defineNodeType, normalizeEventName, propertyAt, type JourneyEvent } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const operators = ['equals', 'not_equals', 'contains', 'greater_than', 'less_than', 'exists'] as const;
const operatorLabels: Record<(typeof operators)[number], string> = {
  equals: 'is', not_equals: 'is not', contains: 'contains',
  greater_than: 'is greater than', less_than: 'is less than', exists: 'is present',
};

const filter = z.object({
  property: z.string().trim().min(1, 'Name the event property').meta({ label: 'Property', widget: 'event-property', eventField: 'event', help: 'e.g. total or shipping.country' }),
  op: z.enum(operators).meta({ label: 'Operator', widget: 'select', options: operators.map((o) => ({ value: o, label: operatorLabels[o] })) }),
  value: z.string().max(500).meta({ label: 'Value' }),
});
type Filter = z.infer<typeof filter>;

const config = z.object({
  event: z.string().trim().min(1, 'Choose the event that starts the journey').max(200)
    .meta({ label: 'Event name', widget: 'event-name', help: 'As your shop sends it, e.g. Order Completed' }),
  filters: z.array(filter).max(10, 'At most 10 filters').meta({ label: 'Only when', widget: 'list', help: 'All must hold' }),
  entryKeyProperty: z.string().trim().max(100)
    .meta({ label: 'Enter once per', widget: 'event-property', eventField: 'event', help: 'Event property such as orderId; empty means once per event' }),
});
export type TriggerEventConfig = z.output<typeof config>;

function passes(f: Filter, event: JourneyEvent): boolean {
  const actual = propertyAt(event.properties, f.property);
  if (f.op === 'exists') return actual !== undefined && actual !== null;
  if (actual === undefined || actual === null) return f.op === 'not_equals';
  const text = typeof actual === 'object' ? JSON.stringify(actual) : String(actual);
  switch (f.op) {
    case 'equals': return text.toLowerCase() === f.value.toLowerCase();
    case 'not_equals': return text.toLowerCase() !== f.value.toLowerCase();
    case 'contains': return text.toLowerCase().includes(f.value.toLowerCase());
    case 'greater_than': return Number(actual) > Number(f.value);
    case 'less_than': return Number(actual) < Number(f.value);
  }
}

export const triggerOnEvent = defineNodeType({
  id: 'core/trigger-event',
  version: 1,
  category: 'trigger',
  config,
  defaults: { event: '', filters: [], entryKeyProperty: '' },
  ui: {
    label: 'Trigger on event',
    description: 'Starts the journey when a customer does something, e.g. completes an order.',
    icon: 'bolt',
    color: 'violet',
    branches: [{ id: 'out', label: 'Then' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  trigger: {
    eventName: (c) => normalizeEventName(c.event),
    matches: (event, c) =>
      normalizeEventName(event.name) === normalizeEventName(c.event) && c.filters.every((f) => passes(f, event)),
    entryKey: (event, c) => {
      if (!c.entryKeyProperty) return `event:${event.messageId}`;
      const value = propertyAt(event.properties, c.entryKeyProperty);
      return `${c.entryKeyProperty}:${value === undefined ? event.messageId : String(value)}`;
    },
  },
  translations,
});
