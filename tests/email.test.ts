// Rendering and template checks of @afterglow/email: MJML + Liquid, escaping, header safety.
import { buildMergeData, checkEmailTemplate, formatMoney, renderEmail } from '@afterglow/email';
import { describe, expect, it } from 'vitest';

const customer = {
  id: 'cust_0001', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace',
  timezone: 'Europe/London', birthday: '1815-12-10', marketingConsent: true, attributes: { team: 'Red Star' },
};
const orderEvent = {
  messageId: 'm1', name: 'Order Completed', customerId: 'cust_0001', timestamp: new Date('2026-01-05T10:00:00Z'),
  properties: {
    order_id: 'ord_42', total: 57.5, currency: 'EUR',
    products: [
      { product_id: 'p1', sku: 'CAM-1', name: 'Camera', category: 'Photo', brand: 'Sony', price: 45, quantity: 1, url: 'https://shop.test/p1', image_url: 'https://shop.test/p1.jpg' },
      { product_id: 'p2', sku: 'BAT-2', name: 'Battery', category: 'Photo', brand: 'Sony', price: 6.25, quantity: 2, url: 'https://shop.test/p2', image_url: 'https://shop.test/p2.jpg' },
    ],
  },
};

const thankYou = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hi {{ customer.firstName }}, thanks for order {{ order.id }} ({{ customer.attributes.team }}).</mj-text>
        <mj-text><ul>{% for item in order.items %}<li>{{ item.quantity }} × {{ item.name }}: {{ item.lineTotal | money: order.currency }}</li>{% endfor %}</ul></mj-text>
        <mj-button href="{{ shop.url }}/orders/{{ order.id }}">See your order</mj-button>
      </mj-column>
    </mj-section>
    <mj-raw>{% for item in order.items %}</mj-raw>
    <mj-section><mj-column><mj-image src="{{ item.imageUrl }}" alt="{{ item.name }}" /></mj-column></mj-section>
    <mj-raw>{% endfor %}</mj-raw>
  </mj-body>
</mjml>`;

describe('buildMergeData', () => {
  it('derives the order and its items from a Segment e-commerce event', () => {
    const data = buildMergeData(customer, orderEvent, { name: 'Shop', url: 'https://shop.test' });
    expect(data.customer.fullName).toBe('Ada Lovelace');
    expect(data.order).toMatchObject({ id: 'ord_42', total: 57.5, currency: 'EUR', itemCount: 3 });
    expect(data.order?.items[1]).toMatchObject({ name: 'Battery', quantity: 2, price: 6.25, lineTotal: 12.5, imageUrl: 'https://shop.test/p2.jpg' });
    expect(buildMergeData(customer, null).order).toBeNull();
  });

  it('uses revenue when total is missing and survives malformed products', () => {
    const data = buildMergeData(customer, { name: 'Order Completed', properties: { order_id: 7, revenue: '19.90', products: [{ name: 'Mug', price: 'x' }, 'junk'] } });
    expect(data.order).toMatchObject({ id: '7', total: 19.9, currency: 'EUR' });
    expect(data.order?.items.map((i) => [i.name, i.price, i.quantity])).toEqual([['Mug', 0, 1], ['', 0, 1]]);
  });

  it('formats money per currency', () => {
    expect(formatMoney(12.5, 'EUR')).toBe('€12.50');
    expect(formatMoney(3, 'usd')).toBe('$3.00');
    expect(formatMoney('abc', 'EUR')).toBe('');
  });
});

describe('renderEmail', () => {
  it('fills merge fields and loops over order items, in Liquid tags that survived MJML', async () => {
    const data = buildMergeData(customer, orderEvent, { name: 'Shop', url: 'https://shop.test' });
    const email = await renderEmail({ subject: 'Thanks, {{ customer.firstName }}!', body: thankYou, preheader: 'Your order {{ order.id }}' }, data);
    expect(email.subject).toBe('Thanks, Ada!');
    expect(email.html).toContain('Hi Ada, thanks for order ord_42 (Red Star).');
    expect(email.html).toContain('<li>1 × Camera: €45.00</li><li>2 × Battery: €12.50</li>');
    expect(email.html).toContain('href="https://shop.test/orders/ord_42"');
    expect(email.html).toContain('src="https://shop.test/p1.jpg"');
    expect(email.html).toContain('src="https://shop.test/p2.jpg"');
    expect(email.html).toContain('Your order ord_42'); // the preheader, as mj-preview
    expect(email.html).not.toMatch(/\{\{|\{%/);
    expect(email.text).toContain('2 × Battery: €12.50');
    expect(email.text).toContain('See your order (https://shop.test/orders/ord_42)');
    expect(email.text).not.toContain('<');
  });

  it('renders a missing value as empty at send time', async () => {
    const data = buildMergeData({ ...customer, firstName: null }, null);
    const email = await renderEmail({ subject: 'Hi {{ customer.firstName }} {{ order.id }}', body: thankYou }, data);
    expect(email.subject).toBe('Hi');
    expect(email.html).toContain('Hi , thanks for order  (Red Star).');
  });

  const hostile = [`<script>alert(1)</script>`, `Ann "the hammer"`, `Tom & Jerry`, `O'Brien`, `<img src=x onerror=alert(1)>`];
  it.each(hostile)('HTML-escapes customer and product values: %s', async (value) => {
    const data = buildMergeData({ ...customer, firstName: value }, {
      ...orderEvent, properties: { ...orderEvent.properties, products: [{ ...orderEvent.properties.products[0], name: value }] },
    });
    const { html, text } = await renderEmail({ subject: 'x', body: thankYou }, data);
    expect(html).not.toContain(value);
    const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
    expect(html).toContain(`Hi ${escaped}, thanks`);
    expect(html).toContain(`× ${escaped}: €45.00`);
    expect(html).toContain(`alt="${escaped}"`);
    expect(text).toContain(`Hi ${value}, thanks`); // the text part decodes entities back
  });

  const injections = ['Ada\r\nBcc: victim@example.com', 'Ada\nBcc: x', 'Ada\rBcc: x', 'Ada\u2028Bcc: x', 'Ada\r\n\r\n<html>'];
  it.each(injections)('keeps the subject on one line: %j', async (firstName) => {
    const data = buildMergeData({ ...customer, firstName }, null);
    const { subject } = await renderEmail({ subject: 'Hello {{ customer.firstName }} & co', body: thankYou }, data);
    expect(subject).not.toMatch(/[\r\n\u2028]/);
    expect(subject.startsWith('Hello Ada ')).toBe(true);
    expect(subject.endsWith(' & co')).toBe(true); // plain text: no HTML entities in the subject
  });

  it('refuses mj-include and broken MJML at send time', async () => {
    const data = buildMergeData(customer, null);
    await expect(renderEmail({ subject: 's', body: '<mjml><mj-body><mj-include path="/etc/passwd" /></mj-body></mjml>' }, data))
      .rejects.toThrow(/mj-include/);
    await expect(renderEmail({ subject: 's', body: '<mjml><mj-body><mj-colum></mj-colum></mj-body></mjml>' }, data))
      .rejects.toThrow(/mj-colum/);
  });
});

describe('checkEmailTemplate', () => {
  it('accepts a good template', async () => {
    expect(await checkEmailTemplate({ subject: 'Thanks {{ customer.firstName }} for {{ order.id }}', body: thankYou })).toEqual([]);
  });

  it('reports invalid MJML with its line', async () => {
    const body = '<mjml>\n<mj-body>\n<mj-section>\n<mj-colum><mj-text>x</mj-text></mj-colum>\n</mj-section>\n</mj-body>\n</mjml>';
    const issues = await checkEmailTemplate({ subject: 'ok', body });
    expect(issues).toContainEqual({ field: 'body', message: expect.stringMatching(/^line 4: .*mj-colum/) });
  });

  it('reports Liquid syntax errors with their line, in body and subject', async () => {
    const body = thankYou.replace('{% endfor %}</ul>', '</ul>');
    const issues = await checkEmailTemplate({ subject: 'Hi {{ customer.firstName', body });
    expect(issues).toContainEqual({ field: 'subject', message: expect.stringMatching(/^line 1: /) });
    expect(issues).toContainEqual({ field: 'body', message: expect.stringMatching(/^line 6: .*for item in order.items.*not closed/) });
  });

  it('reports unknown merge fields, also in untaken branches and loops, but not event or attribute fields', async () => {
    const body = thankYou
      .replace('{{ order.id }} (', '{{ order.idd }} {% if false %}{{ custumer.name }}{% endif %} {{ event.anything.deep }} {{ customer.attributes.any }} (')
      .replace('{{ item.name }}:', '{{ item.nme }}:');
    const issues = await checkEmailTemplate({ subject: '{{ shop.nam }}', body });
    expect(issues).toEqual(expect.arrayContaining([
      { field: 'subject', message: 'line 1: unknown merge field "shop.nam"' },
      { field: 'body', message: 'line 5: unknown merge field "order.idd"' },
      { field: 'body', message: 'line 5: unknown merge field "custumer"' },
      { field: 'body', message: expect.stringMatching(/^line 6: unknown merge field "item.nme"/) },
    ]));
    expect(issues.some((i) => /event|attributes/.test(i.message))).toBe(false);
  });

  it('refuses mj-include and Liquid partials', async () => {
    const body = thankYou.replace('<mj-body>', '<mj-body>\n<mj-include path="./header.mjml" />');
    const issues = await checkEmailTemplate({ subject: '{% include "x" %}', body });
    expect(issues).toContainEqual({ field: 'body', message: expect.stringMatching(/^line 3: <mj-include> is not allowed/) });
    expect(issues).toContainEqual({ field: 'subject', message: expect.stringMatching(/include %\} is not allowed/) });
  });
});
