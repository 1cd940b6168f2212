import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, DEMO_ORDERS, generateDemoShop } from './generate';

const NOW = new Date('2026-03-15T12:00:00Z');
const DAY = 86_400_000;

describe('generateDemoShop', () => {
  const shop = generateDemoShop(NOW);

  it('is the same shop on every run for the same clock', () => {
    expect(generateDemoShop(NOW)).toEqual(shop);
    expect(generateDemoShop(NOW, 7).customers[0]).not.toEqual(shop.customers[0]);
  });

  it('has stable customer ids, unique emails and valid birthdays and time zones', () => {
    expect(shop.customers).toHaveLength(DEMO_CUSTOMERS);
    expect(shop.customers.slice(0, 2).map((c) => c.id)).toEqual(['cust_0001', 'cust_0002']);
    expect(new Set(shop.customers.map((c) => c.email)).size).toBe(DEMO_CUSTOMERS);
    for (const c of shop.customers) {
      expect(c.email).toMatch(/^[a-z0-9.]+@[a-z.]+$/);
      expect(Number.isNaN(Date.parse(c.birthday))).toBe(false);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: c.timezone })).not.toThrow();
    }
    const continents = new Set(shop.customers.map((c) => c.timezone.split('/')[0]));
    expect([...continents].sort()).toEqual(['America', 'Asia', 'Europe']);
  });

  it('places every order in the two years before the clock, totalling its items', () => {
    expect(shop.orders).toHaveLength(DEMO_ORDERS);
    const itemsByOrder = new Map<string, number>();
    for (const i of shop.items) itemsByOrder.set(i.order_id, (itemsByOrder.get(i.order_id) ?? 0) + i.price * i.quantity);
    for (const o of shop.orders) {
      const age = NOW.getTime() - Date.parse(o.placed_at);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(730 * DAY);
      expect(o.total).toBeCloseTo(itemsByOrder.get(o.id)!, 2);
    }
    expect(new Set(shop.products.map((p) => p.category)).size).toBeGreaterThanOrEqual(6);
    expect(shop.products.length).toBeGreaterThanOrEqual(50);
  });
});
