import { configIssues, createTestContext, summaryOf } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { callWebhook } from './definition';
import { bodyTemplateProblem, renderBodyTemplate } from './template';

const base = {
  url: 'https://hooks.example.com/in', method: 'POST' as const, headers: [{ name: 'Authorization', value: 'Bearer abc' }], secret: '',
  body: '{ "name": "Hi {{ customer.fullName }}", "email": {{ customer.email }}, "order": {{ event.order_id }}, "code": "{{ coupon.code | default: \'none\' }}" }',
};

describe('Call webhook step', () => {
  it('renders the body with JSON escaping and queues one call', async () => {
    const { ctx, effects } = createTestContext({
      customer: { firstName: 'Ada "the"', lastName: 'Love\\lace\n' },
      run: { trigger: { messageId: 'm1', name: 'order_placed', customerId: 'cust_test', properties: { order_id: 1001 }, timestamp: new Date() } },
    });
    expect(await callWebhook.execute!(ctx, base)).toEqual({ kind: 'next', branch: 'out' });
    expect(effects.queued).toHaveLength(1);
    expect(effects.queued[0]).toMatchObject({ service: 'core/webhook', key: 'run_test:node_test:core/webhook' });
    const call = effects.queued[0].payload as { url: string; body: string; signingSecret?: string };
    expect(call).toMatchObject({ url: base.url, method: 'POST', headers: [{ name: 'Authorization', value: 'Bearer abc' }] });
    expect(call.signingSecret).toBeUndefined();
    expect(JSON.parse(call.body)).toEqual({ name: 'Hi Ada "the" Love\\lace\n', email: 'ada@example.com', order: 1001, code: 'none' });
  });

  it('passes the secret and reads the run’s coupon', async () => {
    const { ctx, effects } = createTestContext({ run: { context: { coupon: { code: 'WINBACK-7KQ2' } } } });
    await callWebhook.execute!(ctx, { ...base, secret: 'a-secret-of-16-chars' });
    const call = effects.queued[0].payload as { body: string; signingSecret?: string };
    expect(call.signingSecret).toBe('a-secret-of-16-chars');
    expect(JSON.parse(call.body)).toMatchObject({ code: 'WINBACK-7KQ2', order: null });
  });

  it('refuses bad config with the field named', () => {
    const fields = (c: unknown) => configIssues(callWebhook, c).map((i) => i.field);
    expect(fields(base)).toEqual([]);
    expect(fields({ ...base, url: 'ftp://x.example.com' })).toEqual(['url']);
    expect(fields({ ...base, url: 'http://hooks.example.com/in' })).toEqual(['url']);
    expect(fields({ ...base, url: 'http://127.0.0.1:8080/in' })).toEqual([]);
    expect(fields({ ...base, url: 'https://user:pw@example.com' })).toEqual(['url']);
    expect(fields({ ...base, method: 'GET' })).toEqual(['method']);
    expect(fields({ ...base, body: '{ "a": "{{ customer.email }}" ' })).toEqual(['body']);
    expect(fields({ ...base, headers: [{ name: 'Host', value: 'evil' }] })).toEqual(['headers.0.name']);
    expect(fields({ ...base, headers: [{ name: 'X-A', value: 'a\r\nX-B: b' }] })).toEqual(['headers.0.value']);
    expect(fields({ ...base, headers: [{ name: 'X-A', value: '1' }, { name: 'x-a', value: '2' }] })).toEqual(['headers.1.name']);
    expect(fields({ ...base, secret: 'short' })).toEqual(['secret']);
  });

  it('summarises method, host and signing', () => {
    expect(summaryOf(callWebhook, { ...base, secret: 'a-secret-of-16-chars' })).toBe('POST hooks.example.com · signed');
    expect(callWebhook.config.safeParse(callWebhook.defaults).success).toBe(true);
  });
});

describe('webhook body template', () => {
  it('names what is wrong, with the line', () => {
    expect(bodyTemplateProblem('{\n  "a": "{{ customer.email }}",\n}')).toBe('The body is not valid JSON (line 3): Expected double-quoted property name');
    expect(bodyTemplateProblem('{ "a": {{ event }} }}')).toBe('The body is not valid JSON (line 1): Unexpected non-whitespace character after JSON');
    expect(bodyTemplateProblem('"just text"')).toMatch(/JSON object or array/);
    expect(bodyTemplateProblem('{\n "a": "{{ customer.nme }}" }')).toBe('line 2: unknown merge field "customer.nme"');
    expect(bodyTemplateProblem('{ "a": {{ order.id }} }')).toMatch(/unknown merge field "order"/);
    expect(bodyTemplateProblem('{ "a": "{{ customer.email | shout }}" }')).toMatch(/unknown filter "shout"/);
    expect(bodyTemplateProblem('{ {% if x %}"a": 1{% endif %} }')).toMatch(/not \{% %\} tags/);
    expect(bodyTemplateProblem('{ "a": "{{ customer.email" }')).toMatch(/not closed/);
    // A field standing alone is a whole value: quoting it again is wrong only inside a string.
    expect(bodyTemplateProblem('{ "a": {{ customer.email }}, "b": "x{{ customer.email }}y" }')).toBeNull();
    expect(bodyTemplateProblem('{ "a": x{{ customer.email }} }')).toMatch(/not valid JSON/);
  });

  it('stays valid JSON whatever the data holds', () => {
    const nasty = ['"', '\\', '\u2028', '</script>', '"}, "admin": true, "x": {"', '\u0000', 'Ω 🎉'];
    const source = '{ "in": "<{{ customer.firstName }}>", "alone": {{ customer.firstName }}, "attrs": {{ customer.attributes }}, "deep": "{{ customer.attributes.note }}" }';
    for (const s of nasty) {
      const out = JSON.parse(renderBodyTemplate(source, { customer: { firstName: s, attributes: { note: s, n: 2 } }, event: {}, coupon: null }));
      expect(out).toEqual({ in: `<${s}>`, alone: s, attrs: { note: s, n: 2 }, deep: s });
    }
  });

  it('never reads prototype properties', () => {
    const out = renderBodyTemplate('{ "a": {{ event.constructor }}, "b": "{{ event.__proto__ }}" }', { customer: {}, event: {}, coupon: null });
    expect(JSON.parse(out)).toEqual({ a: null, b: '' });
  });
});
