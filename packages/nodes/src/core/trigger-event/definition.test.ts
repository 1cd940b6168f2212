import type { JourneyEvent } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { triggerOnEvent } from './definition';

const event = (name: string, properties: Record<string, unknown>): JourneyEvent =>
  ({ messageId: 'm1', name, customerId: 'c1', properties, timestamp: new Date() });
const config = (c: object) => triggerOnEvent.config.parse({ event: 'Order Completed', filters: [], entryKeyProperty: '', ...c });

describe('core/trigger-event', () => {
  const t = triggerOnEvent.trigger!;

  it('matches the event name however it is spelled', () => {
    expect(t.matches(event('order_completed', {}), config({}))).toBe(true);
    expect(t.matches(event('Order Shipped', {}), config({}))).toBe(false);
  });

  it('applies property filters on nested paths', () => {
    const c = config({ filters: [{ property: 'shipping.country', op: 'equals', value: 'de' }, { property: 'total', op: 'greater_than', value: '50' }] });
    expect(t.matches(event('Order Completed', { shipping: { country: 'DE' }, total: 80 }), c)).toBe(true);
    expect(t.matches(event('Order Completed', { shipping: { country: 'DE' }, total: 20 }), c)).toBe(false);
    expect(t.matches(event('Order Completed', { total: 80 }), c)).toBe(false);
  });

  it('keys re-entry by a property, or by the event itself', () => {
    expect(t.entryKey(event('Order Completed', { order_id: 'A1' }), config({ entryKeyProperty: 'order_id' }))).toBe('order_id:A1');
    expect(t.entryKey(event('Order Completed', {}), config({}))).toBe('event:m1');
  });
});
