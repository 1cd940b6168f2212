import { configIssues, createTestContext, summaryOf, type JourneyEvent } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { conditionDefaults } from '../../shared/condition/schema';
import { propertyCondition } from './definition';

const cond = (over: Partial<typeof conditionDefaults>) => propertyCondition.config.parse({ ...conditionDefaults, ...over });
const order = (properties: Record<string, unknown>): JourneyEvent =>
  ({ messageId: 'm1', name: 'Order Completed', customerId: 'cust_test', properties, timestamp: new Date('2026-01-05T09:00:00Z') });

async function branch(over: Partial<typeof conditionDefaults>, opts: Parameters<typeof createTestContext>[0] = {}) {
  const { ctx } = createTestContext(opts);
  const out = await propertyCondition.execute!(ctx, cond(over));
  return out.kind === 'next' ? out.branch : out.kind;
}

describe('property condition', () => {
  it('compares built-in customer fields as text, ignoring case', async () => {
    expect(await branch({ customerField: 'email', operator: 'contains', value: '@EXAMPLE.com' })).toBe('yes');
    expect(await branch({ customerField: 'firstName', operator: 'equals', value: 'ada ' })).toBe('yes');
    expect(await branch({ customerField: 'firstName', operator: 'not_equals', value: 'Ada' })).toBe('no');
    expect(await branch({ customerField: 'locale', operator: 'in_list', values: ['sr', 'sr-Latn-RS'] }, { customer: { locale: 'sr-Latn-RS' } })).toBe('yes');
    expect(await branch({ customerField: 'locale', operator: 'is_set' })).toBe('no');
    expect(await branch({ customerField: 'timezone', operator: 'equals', value: 'Europe/Belgrade' }, { customer: { timezone: 'Europe/Belgrade' } })).toBe('yes');
  });

  it('compares dates: before, after, within the last N days of the step\'s clock', async () => {
    const customer = { birthday: '1990-05-01' };
    expect(await branch({ customerField: 'birthday', operator: 'before', date: '2000-01-01T00:00:00Z' }, { customer })).toBe('yes');
    expect(await branch({ customerField: 'birthday', operator: 'after', date: '2000-01-01T00:00:00Z' }, { customer })).toBe('no');
    const attributes = { last_visit: '2025-12-20T10:00:00Z' };
    const within = { customerField: 'attribute' as const, attribute: 'last_visit', operator: 'within_last_days' as const };
    // The test clock is 2026-01-05T10:00Z: 16 days after the visit.
    expect(await branch({ ...within, days: 16 }, { customer: { attributes } })).toBe('yes');
    expect(await branch({ ...within, days: 15 }, { customer: { attributes } })).toBe('no');
  });

  it('reads across an order\'s lines: a path through a list holds when any line\'s value does', async () => {
    const run = { trigger: { name: 'Order Completed', messageId: 'm1', customerId: 'c1', timestamp: new Date('2026-03-01T00:00:00Z'), properties: { products: [
      { category: 'Bags', price: 40, added: '2026-01-05' }, { category: 'Cameras', price: 1500, added: '2026-02-20' },
    ] } } };
    const on = (over: Partial<typeof conditionDefaults>) => branch({ source: 'event', ...over }, { run });
    expect(await on({ eventProperty: 'products.category', operator: 'equals', value: 'cameras' })).toBe('yes');
    expect(await on({ eventProperty: 'products.0.category', operator: 'equals', value: 'cameras' })).toBe('no');
    expect(await on({ eventProperty: 'products.category', operator: 'not_in_list', values: ['Cameras'] })).toBe('no');
    expect(await on({ eventProperty: 'products.price', operator: 'greater_than', number: 1000 })).toBe('yes');
    expect(await on({ eventProperty: 'products.price', operator: 'less_than', number: 10 })).toBe('no');
    expect(await on({ eventProperty: 'products.added', operator: 'after', date: '2026-02-01T00:00:00Z' })).toBe('yes');
    expect(await on({ eventProperty: 'products.brand', operator: 'is_set' })).toBe('no');
  });

  it('reads attributes by path, lists (tags) by any item, and missing values as not set', async () => {
    const customer = { attributes: { address: { city: 'Novi Sad' }, tags: ['VIP', 'wholesale'], points: '120' } };
    expect(await branch({ customerField: 'attribute', attribute: 'address.city', operator: 'equals', value: 'novi sad' }, { customer })).toBe('yes');
    expect(await branch({ customerField: 'attribute', attribute: 'tags', operator: 'contains', value: 'vip' }, { customer })).toBe('yes');
    expect(await branch({ customerField: 'attribute', attribute: 'tags', operator: 'not_in_list', values: ['vip'] }, { customer })).toBe('no');
    // The customer's own tags (a field since tags left the attributes); none is "not set".
    const tagged = { tags: ['VIP', 'Wholesale'] };
    expect(await branch({ customerField: 'tags', operator: 'equals', value: 'vip' }, { customer: tagged })).toBe('yes');
    expect(await branch({ customerField: 'tags', operator: 'in_list', values: ['retail', 'wholesale'] }, { customer: tagged })).toBe('yes');
    expect(await branch({ customerField: 'tags', operator: 'is_set' }, { customer: { tags: [] } })).toBe('no');
    expect(await branch({ customerField: 'attribute', attribute: 'points', operator: 'between', number: 100, numberTo: 150 }, { customer })).toBe('yes');
    expect(await branch({ customerField: 'attribute', attribute: 'nope', operator: 'is_not_set' }, { customer })).toBe('yes');
    expect(await branch({ customerField: 'attribute', attribute: 'nope', operator: 'not_equals', value: 'x' }, { customer })).toBe('yes');
    expect(await branch({ customerField: 'attribute', attribute: 'nope', operator: 'equals', value: 'x' }, { customer })).toBe('no');
  });

  it('reads the trigger event, the order value and what earlier steps stored', async () => {
    const run = { trigger: order({ total: '120.50', shipping: { country: 'RS' } }) };
    expect(await branch({ source: 'order', operator: 'greater_than', number: 100 }, { run })).toBe('yes');
    expect(await branch({ source: 'order', operator: 'less_than', number: 100 }, { run })).toBe('no');
    expect(await branch({ source: 'order', operator: 'greater_than', number: 1 }, { run: { trigger: order({ revenue: 5 }) } })).toBe('yes');
    expect(await branch({ source: 'order', operator: 'is_set' })).toBe('no');
    expect(await branch({ source: 'event', eventProperty: 'shipping.country', operator: 'in_list', values: ['rs', 'ba'] }, { run })).toBe('yes');
    expect(await branch({ source: 'context', contextKey: 'coupon', operator: 'is_set' })).toBe('no');
    expect(await branch({ source: 'context', contextKey: 'coupon.value', operator: 'equals', value: '10' }, { run: { context: { coupon: { value: 10 } } } })).toBe('yes');
  });

  it('refuses a comparison that cannot fit the field, and fields the comparison needs left empty', () => {
    const issues = (over: Partial<typeof conditionDefaults>) => configIssues(propertyCondition, { ...conditionDefaults, ...over }).map((i) => i.field);
    expect(issues({ source: 'order', operator: 'contains', value: 'x' })).toEqual(['operator']);
    expect(issues({ customerField: 'birthday', operator: 'greater_than' })).toEqual(['operator']);
    expect(issues({ customerField: 'attribute', operator: 'equals' })).toEqual(['attribute', 'value']);
    expect(issues({ source: 'event', operator: 'in_list', values: [''] })).toEqual(['eventProperty', 'values']);
    expect(issues({ customerField: 'attribute', attribute: 'a', operator: 'between', number: 5, numberTo: 1 })).toEqual(['numberTo']);
    expect(issues({ customerField: 'attribute', attribute: 'a', operator: 'within_last_days', days: 0 })).toEqual(['days']);
    // A hidden field keeps whatever it holds: only the chosen comparison's fields count.
    expect(issues({ operator: 'is_set', value: '', date: 'not a date' })).toEqual([]);
    expect(configIssues(propertyCondition, { ...conditionDefaults, source: 'event', operator: 'is_set' }, 'sr-Latn')[0].message).toBe('Unesite svojstvo događaja');
  });

  it('says the condition in words on the card', () => {
    expect(summaryOf(propertyCondition, { ...conditionDefaults, source: 'order', operator: 'between', number: 50, numberTo: 1000 })).toBe('Order value: between 50 and 1,000');
    expect(summaryOf(propertyCondition, { ...conditionDefaults, customerField: 'locale', operator: 'in_list', values: ['sr', 'hr'] }, 'ru'))
      .toBe('Язык покупателя: одно из «sr», «hr»');
    expect(summaryOf(propertyCondition, { ...conditionDefaults, source: 'context', contextKey: 'coupon', operator: 'is_set' }, 'sr-Latn')).toBe('Sačuvano „coupon“: uneto');
    expect(summaryOf(propertyCondition, { ...conditionDefaults, customerField: 'attribute', attribute: 'last_visit', operator: 'within_last_days', days: 2 }, 'sl'))
      .toBe('Podatek o kupcu „last_visit“: v zadnjih 2 dneh');
  });
});
