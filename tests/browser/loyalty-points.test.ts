// The customer page's points history says where each entry came from, in the reader's language:
// an order's points, its partial refund, the sign-up bonus and, in its own words, the demo
// journey's thank-you points. Pictured in
// English and Serbian Cyrillic (test-artifacts/loyalty-points-*.png), checked for overflow.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';
import { storeLoyaltySettings } from '../support/loyalty';

const env = useAppInBrowser();
const CUSTOMER = 'cust_loyal';

const overflowing = (page: Page) => page.evaluate(() =>
  [...document.querySelectorAll('[data-testid="loyalty-ledger"] li, [data-testid="loyalty-ledger"] li div, h2')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));

it.each([
  { locale: 'en', lines: ['Order ord_lp_1', 'Refund of order ord_lp_1', 'Signed up', 'Order · ', 'Refund · ', 'Sign-up · '] },
  { locale: 'sr-Cyrl', lines: ['Поруџбина ord_lp_1', 'Повраћај новца за поруџбину ord_lp_1', 'Регистрација', 'Поруџбина · ', 'Повраћај новца · '] },
])('shows where the points came from, in $locale', { timeout: 180_000 }, async ({ locale, lines }) => {
  const { app, page } = env;
  if (locale === 'en') {
    const ws = env.demo.workspaceId;
    await storeLoyaltySettings(app.database.sql, ws, { earning: { orders: { enabled: true, pointsPerUnit: 1 }, signUp: { enabled: true, points: 100 } } });
    const track = (messageId: string, event: string, properties: Record<string, unknown> = {}) =>
      env.track({ userId: CUSTOMER, event, messageId, properties }).then((r) => expect(r.status).toBe(200));
    await track('lp-signup', 'Signed Up');
    await track('lp-order', 'Order Completed', { order_id: 'ord_lp_1', total: 120, currency: 'EUR' });
    await track('lp-refund', 'Order Refunded', { order_id: 'ord_lp_1', total: 30 });
    // The demo's seeded journey thanks for the order with 10 points of its own.
    await expect.poll(async () => (await app.database.sql`select count(*)::int as n from loyalty_ledger
      where workspace_id = ${ws} and customer_id = ${CUSTOMER} and kind = 'grant'`)[0].n, { timeout: 30_000 }).toBe(1);
    await env.logIn();
  } else {
    await pickLanguage(page, locale);
  }
  await page.goto(`${app.url}/customers/${CUSTOMER}`);
  const ledger = page.getByTestId('loyalty-ledger');
  await waitForText(ledger, (t) => lines.every((l) => t.includes(l)));
  const kinds = await ledger.locator('li').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
  expect(kinds.sort()).toEqual(['grant', 'order', 'refund', 'signup']);
  expect(await ledger.textContent()).toContain('Thank you for your order');
  expect(await page.getByTestId('loyalty-balance').textContent()).toBe('200');
  await ledger.scrollIntoViewIfNeeded();
  await screenshot(page, `loyalty-points-${locale}`);
  expect(await overflowing(page)).toEqual([]);
});
