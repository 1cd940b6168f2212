import { negotiateLocale } from '@afterglow/i18n';
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

  it('has customers from every market among the first ten, cust_0001 international', () => {
    const first = shop.customers.slice(0, 10).map((c) => negotiateLocale(c.locale));
    expect(new Set(first)).toEqual(new Set(['en', 'sr-Cyrl', 'sr-Latn', 'sl', 'ru']));
    expect(shop.customers[0]).toMatchObject({ id: 'cust_0001', locale: 'en-GB', marketing_consent: true });
    expect(shop.orders.filter((o) => o.customer_id === 'cust_0001').every((o) => o.currency === 'EUR')).toBe(true);
    const share = (locale: string) => shop.customers.filter((c) => negotiateLocale(c.locale) === locale).length / DEMO_CUSTOMERS;
    for (const locale of ['sr-Cyrl', 'sr-Latn', 'sl', 'ru']) expect(share(locale), locale).toBeGreaterThan(0.08);
    expect(share('en')).toBeGreaterThan(0.3);
  });

  const CYRILLIC = /^[\u0400-\u04ff -]+$/;
  const LATIN = /^[A-Za-zÀ-žđĐ' -]+$/;
  const market = {
    'sr-RS': { name: CYRILLIC, zones: ['Europe/Belgrade'], phone: /^\+381 6\d \d{3} \d{4}$/, currency: 'RSD' },
    'sr-Latn-RS': { name: LATIN, zones: ['Europe/Belgrade'], phone: /^\+381 6\d \d{3} \d{4}$/, currency: 'RSD' },
    'sl-SI': { name: LATIN, zones: ['Europe/Ljubljana'], phone: /^\+386 \d{2} \d{3} \d{3}$/, currency: 'EUR' },
    'ru-RU': { name: CYRILLIC, zones: ['Europe/Moscow', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Novosibirsk'], phone: /^\+7 9\d{2} \d{3}-\d{2}-\d{2}$/, currency: 'RUB' },
  } as const;

  it('gives each market\'s customers its names, script, cities, time zones, phone numbers and currency', () => {
    const currencyOf = new Map<string, string>();
    for (const o of shop.orders) currencyOf.set(o.customer_id, o.currency);
    for (const c of shop.customers) {
      const expected = market[c.locale as keyof typeof market];
      if (!expected) {
        expect(['en', 'en-GB', 'en-US'], c.id).toContain(c.locale);
        expect(currencyOf.get(c.id) ?? 'EUR', c.id).toBe('EUR');
        continue;
      }
      expect(`${c.first_name} ${c.last_name}`, c.id).toMatch(expected.name);
      expect(String(c.attributes.city), c.id).toMatch(expected.name);
      expect(expected.zones, c.id).toContain(c.timezone);
      if (c.attributes.phone !== undefined) expect(c.attributes.phone, c.id).toMatch(expected.phone);
      expect(currencyOf.get(c.id) ?? expected.currency, c.id).toBe(expected.currency);
    }
    const phones = shop.customers.map((c) => c.attributes.phone).filter(Boolean);
    expect(new Set(phones).size).toBe(phones.length);
    // Russian surnames agree with the first name: Елена Орлова, Алексей Смирнов (and Никита Смирнов).
    const russians = shop.customers.filter((c) => c.locale === 'ru-RU');
    const woman = (firstName: string) => /[ая]$/.test(firstName) && firstName !== 'Никита';
    for (const c of russians) expect(/а$/.test(c.last_name), `${c.first_name} ${c.last_name}`).toBe(woman(c.first_name));
  });

  it('prices dinar and rouble orders as shops there do: whole amounts ending in 90', () => {
    const local = shop.items.filter((i) => ['RSD', 'RUB'].includes(shop.orders.find((o) => o.id === i.order_id)!.currency));
    expect(local.length).toBeGreaterThan(100);
    for (const i of local) expect(i.price % 100, `${i.order_id} ${i.name}`).toBe(90);
    const jersey = (currency: string) => shop.items.find((i) => i.product_id === 'prod_0001' && shop.orders.find((o) => o.id === i.order_id)!.currency === currency)?.price;
    expect([jersey('EUR'), jersey('RSD'), jersey('RUB')]).toEqual([89.95, 10590, 8590]);
  });
});

describe('the demo catalogue’s buying cycles', () => {
  const shop = generateDemoShop(NOW);

  it('gives cosmetics 8-12 weeks and industrial goods 12-14 months, with industrial goods out of the order history', () => {
    const cosmetics = shop.products.filter((p) => p.category === 'Cosmetics');
    expect(cosmetics.length).toBeGreaterThan(0);
    for (const p of cosmetics) expect([p.buyingCycleMinDays, p.buyingCycleMaxDays]).toEqual([56, 84]);
    expect(shop.categoryCycles).toEqual(expect.arrayContaining([
      { category: 'Cosmetics', minDays: 56, maxDays: 84 }, { category: 'Industrial', minDays: 365, maxDays: 426 }]));
    const industrial = new Set(shop.products.filter((p) => p.category === 'Industrial').map((p) => p.id));
    expect(industrial.size).toBeGreaterThan(0);
    expect(shop.items.some((i) => industrial.has(i.product_id))).toBe(false);
    expect(new Set(shop.products.map((p) => p.id)).size).toBe(shop.products.length);
  });
});
