import { normalizeEventName } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { KNOWN_EVENTS, knownEvent, knownEventText } from './known-events';
import { LOYALTY_EVENTS } from './loyalty-settings';

describe('known shop events', () => {
  it('name each event once, whatever its spelling', () => {
    const keys = KNOWN_EVENTS.map((e) => normalizeEventName(e.name));
    expect(new Set(keys).size).toBe(keys.length);
    expect(knownEvent('Order Shipped')?.name).toBe('order_shipped');
    expect(knownEvent('order completed')?.name).toBe('Order Completed');
    expect(knownEvent('Something Else')).toBeUndefined();
  });

  it('offer the derived points expiry events with the properties they carry', () => {
    expect(knownEvent(LOYALTY_EVENTS.expiring)?.properties).toEqual({ points: 'number', expires_at: 'date', days_left: 'number' });
    expect(knownEvent(LOYALTY_EVENTS.expired)?.properties).toEqual({ points: 'number' });
    expect(knownEventText(knownEvent('points_expiring')!, 'sr-Latn').label).toBe('Bodovi uskoro ističu');
  });

  it('say each label and description in every language, Serbian Latin derived', () => {
    for (const e of KNOWN_EVENTS) {
      for (const locale of ['en', 'sr-Cyrl', 'sr-Latn', 'sl', 'ru'] as const) {
        const text = knownEventText(e, locale);
        expect(text.label.length, `${e.name} ${locale}`).toBeGreaterThan(2);
        expect(text.description.length, `${e.name} ${locale}`).toBeGreaterThan(10);
      }
      expect(knownEventText(e, 'sr-Latn').label).not.toMatch(/[\u0400-\u04ff]/);
      expect(knownEventText(e, 'ru').label).not.toBe(e.text.en.label);
    }
    expect(knownEventText(knownEvent('order_paid')!, 'sr-Latn').label).toBe('Porudžbina plaćena');
  });
});
