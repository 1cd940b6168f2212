// The abandoned-cart journey as a marketer builds it: trigger on "Checkout Abandoned", send an
// email listing the cart with a button to the recovery link. Through the whole harness (the /v1
// handler, the tRPC procedures, the engine's jobs at each stop of time, real SMTP): the email
// goes once, after the workspace's delay, only for the checkout no order followed; and the
// delay setting is validated field by field.
import { sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const body = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hi {{ customer.firstName }}, your cart is waiting:{% for p in event.products %} {{ p.quantity }} × {{ p.name }}{% endfor %}, {{ event.total | money }}.</mj-text>
<mj-button href="{{ event.recovery_url }}">Back to your cart</mj-button>
</mj-column></mj-section></mj-body></mjml>`;

const cart = (id: string) => ({
  checkout_id: id, total: 89.9, currency: 'EUR', recovery_url: `https://shop.example/checkouts/${id}/recover`,
  products: [{ product_id: 'p1', name: 'Trail shoes', price: 79.9, quantity: 1 }, { product_id: 'p2', name: 'Socks', price: 5, quantity: 2 }],
});

let t: JourneyTest;
beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-03-02T09:00:00Z', settings: { checkouts: { abandonedAfterMinutes: 120 } } });
  const { id } = await t.api.templates.create({ name: 'Your cart' }) as { id: string };
  expect(await t.api.templates.save({ id, name: 'Your cart', kind: 'marketing', subject: 'You left something behind', preheader: '', body, language: 'en' }))
    .toMatchObject({ ok: true });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Checkout Abandoned', entryKeyProperty: 'checkout_id' })
    .then(sendEmail, { templateId: id }, { id: 'cart' }));
  for (const c of ['ana', 'ivo']) await t.identify(c, { email: `${c}@example.com`, firstName: c === 'ana' ? 'Ana' : 'Ivo', marketing_consent: true });
}, 120_000);
afterAll(() => t?.close());

it('emails the cart and its recovery link once, after the workspace\'s delay, only where no order followed', async () => {
  await t.track('ana', 'Checkout Started', cart('chk-ana'));
  await t.track('ivo', 'Checkout Started', cart('chk-ivo'));
  await t.advance('30 minutes');
  await t.track('ivo', 'Order Completed', { order_id: 'o-ivo', total: 89.9, currency: 'EUR' });
  await t.advance('89 minutes'); // 119 minutes after the checkouts
  expect(t.emails()).toHaveLength(0);
  await t.advance('2 minutes');
  await t.settle();
  const [mail, ...more] = t.emails();
  expect(more).toHaveLength(0);
  expect(mail.to).toContain('ana@example.com');
  expect(mail.text.replace(/\s+/g, ' ')).toContain('Hi Ana, your cart is waiting: 1 × Trail shoes 2 × Socks, €89.90.');
  const links = await t.database.sql<{ url: string }[]>`select url from email_links where workspace_id = ${t.workspaceId}`;
  expect(links.map((l) => l.url)).toContain('https://shop.example/checkouts/chk-ana/recover');
  await t.track('ana', 'checkout_updated', cart('chk-ana'));
  await t.advance('1 day');
  expect(t.emails()).toHaveLength(1);
});

it('keeps the delay between 10 minutes and 7 days, naming the field', async () => {
  expect(await t.api.checkouts.settings()).toEqual({ abandonedAfterMinutes: 120 });
  for (const bad of [5, 10_081, 30.5]) {
    const refused = await t.api.checkouts.saveSettings({ abandonedAfterMinutes: bad }).then(() => null, (err: unknown) => err);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(JSON.stringify(refused)).toContain('abandonedAfterMinutes');
  }
  expect(await t.api.checkouts.saveSettings({ abandonedAfterMinutes: 240 })).toEqual({ abandonedAfterMinutes: 240 });
  expect(await t.api.checkouts.settings()).toEqual({ abandonedAfterMinutes: 240 });
});
