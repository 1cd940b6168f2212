import { describe, expect, it } from 'vitest';
import { mergeGaps } from './gaps';

const data = { customer: { firstName: '', lastName: 'Lee', attributes: { tier: 'gold' } }, order: null, shop: { name: 'Sjaj' }, items: [] };

describe('mergeGaps', () => {
  it('names the fields a customer has no value for, with their lines, once each', async () => {
    const gaps = await mergeGaps({
      subject: 'Hi {{ customer.firstName }} {{ customer.lastName }}',
      body: 'line one\n{{ customer.firstName }}\n{{ order.id }} {{ shop.name }}\n{{ items }}',
    }, data);
    expect(gaps).toEqual([
      { field: 'subject', path: 'customer.firstName', line: 1 },
      { field: 'body', path: 'customer.firstName', line: 2 },
      { field: 'body', path: 'order', line: 3 },
      { field: 'body', path: 'items', line: 4 },
    ]);
  });

  it('leaves unknown fields, loop variables and syntax errors to the check', async () => {
    expect(await mergeGaps({ subject: '{{ customer.nope }}', body: '{% for i in items %}{{ i.name }}{% endfor %}{{ oops' }, data)).toEqual([]);
  });
});
