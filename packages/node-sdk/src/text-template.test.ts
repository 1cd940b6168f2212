import { describe, expect, it } from 'vitest';
import { createTestContext } from './testing.js';
import { renderTextTemplate, textMergeData, textTemplateIssues } from './text-template.js';

const data = {
  customer: { firstName: 'Ada', lastName: '', attributes: { tier: 'gold', visits: 3, vip: false } },
  event: { order_id: 'A-17', total: 42.5, products: [{ name: 'Tea' }] },
  coupon: { code: 'WELCOME-7K' },
};

describe('text templates', () => {
  it('replaces dotted paths into customer, event and run context, lists by index', () => {
    expect(renderTextTemplate('Hi {{ customer.firstName }}, order {{event.order_id}} ({{ event.total }} EUR): {{ event.products.0.name }}, code {{ coupon.code }}', data))
      .toBe('Hi Ada, order A-17 (42.5 EUR): Tea, code WELCOME-7K');
    expect(renderTextTemplate('{{ customer.attributes.tier }} {{ customer.attributes.visits }} {{ customer.attributes.vip }}', data)).toBe('gold 3 false');
  });

  it('renders unknown paths, objects and empty values empty, or their default', () => {
    expect(renderTextTemplate('[{{ customer.phone }}][{{ event }}][{{ customer.lastName }}]', data)).toBe('[][][]');
    expect(renderTextTemplate('Hi {{ customer.nickname | default: "there" }}!', data)).toBe('Hi there!');
    expect(renderTextTemplate("{{ customer.lastName | default: 'friend' }}", data)).toBe('friend');
    expect(renderTextTemplate('{{ customer.firstName | default: "there" }}', data)).toBe('Ada');
  });

  it('runs no code and reads no prototype', () => {
    const source = '{{ constructor }}{{ customer.constructor.name }}{{ __proto__ }}{{ coupon.code.length }}{{ customer.firstName.toString }}{{ 1 + 1 }}{{ event.total | upcase }}';
    expect(renderTextTemplate(source, data)).toBe('');
    expect(textTemplateIssues(source)).toHaveLength(2);
  });

  it('names tags it does not know and tags left open', () => {
    expect(textTemplateIssues('Hi {{ customer.firstName }} {{ coupon.code | default: "none" }}')).toEqual([]);
    expect(textTemplateIssues('{{ customer.first name }}')[0]).toMatch(/^\{\{ customer\.first name \}\} is not a merge field/);
    expect(textTemplateIssues('Code: {{ coupon.code')).toEqual(['A merge field is not closed with }}: {{ coupon.code']);
  });

  it('gathers a step\'s data like an email\'s: customer with fullName, event properties, run context', () => {
    const { ctx } = createTestContext({
      customer: { firstName: 'Ada', lastName: 'Lovelace', email: null },
      run: {
        context: { coupon: { code: 'C-1' } },
        trigger: { messageId: 'm1', name: 'Order Completed', customerId: 'cust_test', properties: { order_id: 'A-1' }, timestamp: new Date() },
      },
    });
    const merged = textMergeData(ctx.customer, ctx.run);
    expect(renderTextTemplate('{{ customer.fullName }}|{{ customer.email }}|{{ event.order_id }}|{{ coupon.code }}', merged))
      .toBe('Ada Lovelace||A-1|C-1');
    expect(renderTextTemplate('{{ event.order_id | default: "-" }}', textMergeData(ctx.customer, { ...ctx.run, trigger: null }))).toBe('-');
  });
});
