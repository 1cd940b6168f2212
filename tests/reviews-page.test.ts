// The hosted review page end to end, through the harness (the /v1 handler, the engine, real SMTP,
// the recipients' pages on real HTTP): an order's email carries a signed link per order and per
// item; the page lists the order's products in the customer's language; a bad form is a 400
// naming the field and stores nothing; a good one stores one review per product (a resubmission
// updates, never duplicates) and its "Review Submitted" events start a journey filtered by
// rating; a tampered link is a 400 page and an expired one a 410 page, never a 5xx.
import { sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const mjml = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
const order = {
  order_id: 'o-100', total: 95, currency: 'EUR',
  products: [{ product_id: 'boot', name: 'Trail boot', price: 80, quantity: 1 }, { product_id: 'wax', name: 'Boot wax', price: 15, quantity: 1 }],
};

let t: JourneyTest;
let orderLink: string;
let itemLinks: string[];

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });
const post = (url: string, form: Record<string, string>) => fetch(url, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(),
});
const reviews = () => t.database.sql<{ productId: string; rating: number; text: string }[]>`
  select product_id as "productId", rating, text from reviews where workspace_id = ${t.workspaceId} order by product_id`;
const reviewEvents = async () => (await t.database.sql<{ n: number }[]>`
  select count(*)::int as n from events where workspace_id = ${t.workspaceId} and name = 'Review Submitted'`)[0].n;

beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(sendEmail, { subject: 'How was it?', preheader: '', kind: 'transactional',
      body: mjml('<span class="order">{{ order.reviewUrl }}</span>{% for item in order.items %}<span class="item">{{ item.reviewUrl }}</span>{% endfor %}') }));
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Review Submitted', entryKeyProperty: 'review_id', filters: [{ property: 'rating', op: 'less_than', value: '3' }] })
    .then(sendEmail, { subject: 'Sorry about {{ event.product_name }}', preheader: '', kind: 'transactional',
      body: mjml('You gave {{ event.rating }} stars to {{ event.product_name }} ({{ event.order_id }}): {{ event.text }}') }));
  await t.identify('ana', { email: 'ana@example.com', firstName: 'Ana' });
  await t.track('ana', 'Order Completed', order);
  await t.settle();
  const [mail] = t.emails('ana@example.com');
  orderLink = /<span class="order">([^<]+)<\/span>/.exec(mail.html)![1];
  itemLinks = [...mail.html.matchAll(/<span class="item">([^<]+)<\/span>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}, 120_000);
afterAll(() => t?.close());

it('links the email to the hosted page, signed per order, each item listed first by its own link', async () => {
  expect(orderLink).toMatch(new RegExp(`^${t.publicUrl}/r/[\\w-]+\\.[\\w-]{43}$`));
  expect(itemLinks).toEqual([`${orderLink}?product=boot`, `${orderLink}?product=wax`]);
  const page = await get(itemLinks[1]);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('How was your order?');
  expect(html.indexOf('Boot wax')).toBeLessThan(html.indexOf('Trail boot'));
  expect(html).toContain('name="rating_0"');
  expect(html).toContain('name="text_1"');
});

it('speaks the customer\'s language, and the one they switch to', async () => {
  await t.identify('ana', { locale: 'sr-RS' });
  expect(await (await get(orderLink)).text()).toContain('Како сте задовољни поруџбином?');
  expect(await (await get(`${orderLink}?lang=ru`)).text()).toContain('Как вам заказ?');
  await t.identify('ana', { locale: 'en' });
});

it('refuses a bad form with a 400 naming the field, storing nothing', async () => {
  for (const [form, field] of [
    [{ rating_0: '7' }, 'rating_0'],
    [{ rating_0: '4', text_1: 'Smells nice' }, 'rating_1'],
    [{ rating_0: '4', text_0: 'x'.repeat(2_001) }, 'text_0'],
    [{ rating_0: '4', rating_9: '5' }, 'rating_9'],
    [{}, 'rating_0'],
  ] as const) {
    const res = await post(orderLink, form);
    expect(res.status, field).toBe(400);
    expect(await res.text(), field).toContain(`data-field="${field}"`);
  }
  expect(await reviews()).toEqual([]);
});

it('stores one review per product, updates on resubmission, and starts the rescue journey for a low rating', async () => {
  const sent = await post(orderLink, { rating_0: '2', text_0: 'Broke after a week', rating_1: '5', text_1: '' });
  expect(sent.status).toBe(200);
  expect(await sent.text()).toContain('Thank you for your review!');
  await t.settle();
  expect(await reviews()).toEqual([
    { productId: 'boot', rating: 2, text: 'Broke after a week' }, { productId: 'wax', rating: 5, text: '' },
  ]);
  const rescue = t.emails('ana@example.com').filter((m) => m.subject.startsWith('Sorry'));
  expect(rescue.map((m) => m.subject)).toEqual(['Sorry about Trail boot']);
  expect(rescue[0].text).toContain('You gave 2 stars to Trail boot (o-100): Broke after a week');
  expect(await reviewEvents()).toBe(2);

  // The same form again changes nothing and says thank you again; a changed rating updates its row.
  expect((await post(orderLink, { rating_0: '2', text_0: 'Broke after a week', rating_1: '5' })).status).toBe(200);
  expect(await reviewEvents()).toBe(2);
  expect((await post(orderLink, { rating_0: '2', text_0: 'Broke after a week', rating_1: '4' })).status).toBe(200);
  await t.settle();
  expect((await reviews()).map((r) => r.rating)).toEqual([2, 4]);
  expect(await reviewEvents()).toBe(3);
  expect(t.emails('ana@example.com').filter((m) => m.subject.startsWith('Sorry'))).toHaveLength(1);
  // The page shows what was given, to change it.
  const again = await (await get(orderLink)).text();
  expect(again).toContain('You have already reviewed this order.');
  expect(again).toMatch(/id="r1-4" name="rating_1" value="4" checked/);
  // The event picker knows the event.
  const [named] = await t.database.sql`select name from event_names where workspace_id = ${t.workspaceId} and name = 'Review Submitted' limit 1`;
  expect(named).toBeDefined();
});

it('serves the storefront JSON of the published reviews from the harness, with absolute photo URLs', async () => {
  const form = new FormData();
  for (const [field, value] of Object.entries({ rating_0: '2', text_0: 'Broke after a week', rating_1: '4' })) form.append(field, value);
  form.append('photo_1', new Blob([new Uint8Array(Buffer.from('\x89PNG\r\n\x1a\n-a-wax-tin', 'latin1'))], { type: 'image/png' }), 'wax.png');
  expect((await fetch(orderLink, { method: 'POST', body: form })).status).toBe(200);
  await t.database.sql`update reviews set status = 'published' where workspace_id = ${t.workspaceId} and product_id = 'wax'`;
  const res = await get(`${t.publicUrl}/reviews/${t.workspaceId}/products/wax.json`);
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ reviewCount: 1, ratingValue: 4, reviews: [{ rating: 4, author: 'Ana' }] });
  expect(body.reviews[0].photoUrl).toMatch(new RegExp(`^${t.publicUrl}/reviews/${t.workspaceId}/photos/[\\w-]+/[0-9a-f]{64}\\.png$`));
  expect((await get(body.reviews[0].photoUrl)).headers.get('content-type')).toBe('image/png');
  expect((await get(`${t.publicUrl}/reviews/${t.workspaceId}/products/boot.json`)).status).toBe(200);
});

it('answers a tampered link with a 400 page and an expired one with a 410 page, in the reader\'s language', async () => {
  const [body, signature] = orderLink.split('/r/')[1].split('.');
  const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), o: 'o-999' })).toString('base64url');
  const tampered = await get(`${t.publicUrl}/r/${other}.${signature}`, { 'accept-language': 'sl' });
  expect(tampered.status).toBe(400);
  expect(await tampered.text()).toContain('lang="sl"');
  expect((await get(`${t.publicUrl}/r/not-a-token`)).status).toBe(400);
  expect((await post(`${t.publicUrl}/r/${other}.${signature}`, { rating_0: '1' })).status).toBe(400);

  await t.advance('61 days');
  const expired = await get(orderLink);
  expect(expired.status).toBe(410);
  expect(await expired.text()).toContain('This review link has expired');
  const late = await post(orderLink, { rating_0: '1' });
  expect(late.status).toBe(410);
  expect((await reviews()).map((r) => r.rating)).toEqual([2, 4]);
});
