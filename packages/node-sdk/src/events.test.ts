import { describe, expect, it } from 'vitest';
import { propertyAt } from './events';

const order = { total: 30, shipping: { country: 'RS' }, products: [{ sku: 'a', category: 'Tea' }, { sku: 'b', category: 'Cups' }, { sku: 'c' }] };

describe('propertyAt', () => {
  it('reads a dotted path, an index picking one item of a list', () => {
    expect(propertyAt(order, 'shipping.country')).toBe('RS');
    expect(propertyAt(order, 'products.1.sku')).toBe('b');
    expect(propertyAt(order, 'shipping.city')).toBeUndefined();
    expect(propertyAt(order, 'total.amount')).toBeUndefined();
  });

  it('reads no key of a list unless asked to read across it', () => {
    expect(propertyAt(order, 'products.category')).toBeUndefined();
  });

  it('across lists, reads every item\'s value, leaving out items without one', () => {
    const across = { acrossLists: true };
    expect(propertyAt(order, 'products.category', across)).toEqual(['Tea', 'Cups']);
    expect(propertyAt(order, 'products.0.category', across)).toBe('Tea');
    expect(propertyAt(order, 'shipping.country', across)).toBe('RS');
    expect(propertyAt({ lines: [{ tags: ['x', 'y'] }, { tags: ['z'] }] }, 'lines.tags', across)).toEqual(['x', 'y', 'z']);
  });
});
