import { addDuration, defineNodeType, normalizeEventName, propertyAt, waitForEvent } from '@afterglow/node-sdk';
import { z } from 'zod';
import { summarize } from '../../shared/translate';
import { summaries, translations } from './translations';

const units = ['hours', 'days', 'weeks'] as const;

const config = z.object({
  event: z.string().trim().min(1, 'Name the event to wait for').max(200)
    .meta({ label: 'Wait for event', widget: 'event-name', help: 'e.g. Order Delivered' }),
  matchTriggerProperty: z.string().trim().max(100)
    .meta({ label: 'Same value of', widget: 'event-property', help: 'Trigger property the event must share, e.g. order_id; empty: any such event' }),
  timeoutAmount: z.number().int('Use a whole number').min(1, 'Wait at least 1').max(3650).meta({ label: 'Give up after' }),
  timeoutUnit: z.enum(units).meta({ label: 'Unit', widget: 'select', options: units.map((u) => ({ value: u, label: u })) }),
});
export type WaitForEventConfig = z.output<typeof config>;

export const waitForEventNode = defineNodeType({
  id: 'core/wait-for-event',
  version: 1,
  category: 'wait',
  config,
  defaults: { event: 'Order Delivered', matchTriggerProperty: 'order_id', timeoutAmount: 14, timeoutUnit: 'days' },
  ui: {
    label: 'Wait for event',
    description: 'Holds the customer until they do something (e.g. the order is delivered), or gives up after a while.',
    icon: 'hourglass',
    color: 'amber',
    branches: [{ id: 'happened', label: 'Happened' }, { id: 'timed_out', label: 'Timed out' }],
    summary: (c, locale, names) => summarize(summaries, c, locale, names),
  },
  execute: (ctx, c) => {
    const match: Record<string, string | number | boolean> = {};
    if (c.matchTriggerProperty) {
      const value = ctx.run.trigger ? propertyAt(ctx.run.trigger.properties, c.matchTriggerProperty) : undefined;
      // Without the value to match, any such event would wrongly count: wait for the timeout only.
      match[c.matchTriggerProperty] = typeof value === 'object' || value === undefined ? '\u0000missing' : (value as string | number | boolean);
    }
    return waitForEvent(normalizeEventName(c.event), match, addDuration(ctx.now(), c.timeoutAmount, c.timeoutUnit));
  },
  translations,
});
