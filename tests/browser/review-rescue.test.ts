// The playbook's negative-review rescue with a person at the review page: a delivered order's
// review request (the starter) reaches the customer; on a phone in Chromium she taps two stars and
// writes what went wrong; staff get the alert with her words, she gets a goodwill coupon, and her
// next order uses it. The harness runs everything else (the /v1 handler, the engine, real SMTP).
import { alertStaff, issueCoupon, sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';

let t: JourneyTest;
let browser: Browser;
const mjml = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;

beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-03-02T09:00:00Z', settings: { testRecipients: ['care@shop.example'] } });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('a 2-star review written in the browser alerts staff and buys a goodwill coupon the next order uses', { timeout: 120_000 }, async () => {
  const { id: request } = await t.api.templates.create({ starter: 'review-request' }) as { id: string };
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'order_delivered', entryKeyProperty: 'order_id' })
    .then(sendEmail, { templateId: request }));
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Review Submitted', entryKeyProperty: 'review_id', filters: [{ property: 'rating', op: 'less_than', value: '3' }] })
    .then(alertStaff, { to: 'address', address: 'care@shop.example', note: 'Call her today' })
    .then(issueCoupon, { kind: 'percent', value: 20, prefix: 'SORRY', validDays: 30 })
    .then(sendEmail, { subject: 'We are sorry', preheader: '', kind: 'transactional', body: mjml('Please take {{ coupon.code }} for 20% off.') }));
  await t.identify('ana', { email: 'ana@example.com', firstName: 'Ana', marketing_consent: true });
  await t.track('ana', 'Order Completed', { order_id: 'o-1', total: 95, currency: 'EUR', products: [
    { product_id: 'boot', name: 'Trail boot', price: 80 }, { product_id: 'wax', name: 'Boot wax', price: 15 }] });
  await t.track('ana', 'order_delivered', { order_id: 'o-1' });
  await t.settle();
  const [mail] = t.emails('ana@example.com');
  const link = /\((http\S+\/r\/\S+)\)/.exec(mail.text)![1];

  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  try {
    await page.goto(link);
    await page.locator('label[for="r0-2"]').click();
    await page.locator('#t0').fill('The sole came off after a week.');
    await page.locator('label[for="r1-5"]').click();
    await screenshot(page, 'review-rescue-form-phone');
    await page.getByTestId('submit-review').click();
    await page.getByRole('heading', { name: 'Thank you for your review!' }).waitFor();
  } finally {
    await page.close();
  }
  await t.settle();

  const [alert, ...more] = t.emails('care@shop.example');
  expect(more).toEqual([]);
  expect(alert.text).toContain('The sole came off after a week.');
  expect(alert.text).toContain('Call her today');
  const sorry = t.emails('ana@example.com').filter((m) => m.subject === 'We are sorry');
  expect(sorry).toHaveLength(1);
  const code = /take (SORRY-[A-Z0-9]+) for 20% off/.exec(sorry[0].text)![1];

  await t.track('ana', 'Order Completed', { order_id: 'o-2', total: 64, currency: 'EUR', coupon: code, products: [{ product_id: 'boot', name: 'Trail boot', price: 80 }] });
  const [coupon] = await t.database.sql`select redeemed_order_id from coupons where workspace_id = ${t.workspaceId} and code = ${code}`;
  expect(coupon.redeemed_order_id).toBe('o-2');
});
