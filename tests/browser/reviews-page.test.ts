// The hosted review page in headless Chromium on a phone, in English and Serbian Cyrillic
// (longer): the form for every product of the order, pictured and checked for text that
// overflows; stars chosen by tapping them, a review written and sent, the thank-you page
// pictured. Screenshots: test-artifacts/reviews-page-<locale>-phone.png, reviews-thanks-<locale>-phone.png.
import { reviewPageLinks } from '@afterglow/email';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, WS, type Rig } from '../support/compliance';
import { ARTIFACTS, launchBrowser } from './browser';

let rig: Rig;
let browser: Browser;
const SECRET = 'secret'; // seedWorkspace's signing_secret

const CUSTOMERS = [
  { id: 'emma', locale: 'en-GB', expect: 'en', heading: 'How was your order?', thanks: 'Thank you for your review!' },
  { id: 'dragana', locale: 'sr-Cyrl-RS', expect: 'sr-Cyrl', heading: 'Како сте задовољни поруџбином?', thanks: 'Хвала на оцени!' },
] as const;
const PRODUCTS = [
  ['p-boot', 'Планинске ципеле Трекинг Про водоотпорне'],
  ['p-socks', 'Merino socks, 3 pairs'],
  ['p-wax', 'Boot wax'],
] as const;

beforeAll(async () => {
  rig = await startRig(CUSTOMERS.map(({ id }) => ({ id, email: `${id}@example.com`, firstName: id })));
  await rig.db.sql`update workspaces set name = 'Sportska radnja Zvezda' where id = ${WS}`;
  for (const c of CUSTOMERS) {
    await rig.db.sql`update customers set locale = ${c.locale} where workspace_id = ${WS} and id = ${c.id}`;
    await rig.db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at) values (${WS}, ${`o-${c.id}`}, ${c.id}, 120, ${rig.clock.now()})`;
    for (const [line, [productId, name]] of PRODUCTS.entries()) {
      await rig.db.sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, price)
        values (${WS}, ${`o-${c.id}`}, ${line}, ${c.id}, ${productId}, ${name}, 40)`;
    }
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

/** Elements whose text runs past their own box or out of the card: cut or overflowing labels. */
const overflowing = (page: Page) => page.evaluate(() => {
  const main = document.querySelector('main')!.getBoundingClientRect();
  return [...document.querySelectorAll('h1, h2, p, span, button, a, label, textarea')]
    .filter((el) => !el.closest('.sr') && !el.classList.contains('sr'))
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || (el.closest('main') && el.getBoundingClientRect().right > main.right + 1))
    .map((el) => el.textContent);
});

describe('the review page on a phone', () => {
  it.each(CUSTOMERS)('in $expect', { timeout: 120_000 }, async (customer) => {
    const link = reviewPageLinks({ publicUrl: rig.base, secret: SECRET, workspaceId: WS, customerId: customer.id, now: rig.clock.now() });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    try {
      await page.goto(link(`o-${customer.id}`, 'p-socks'));
      await page.getByRole('heading', { name: customer.heading }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(customer.expect);
      await page.locator('label[for="r1-5"]').click();
      await page.locator('label[for="r0-2"]').click();
      await page.locator('#t0').fill(customer.expect === 'en' ? 'The sole came off after a week.' : 'Ђон је отпао после недељу дана.');
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `reviews-page-${customer.expect}-phone.png`), fullPage: true });
      await page.getByTestId('submit-review').click();
      await page.getByRole('heading', { name: customer.thanks }).waitFor();
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `reviews-thanks-${customer.expect}-phone.png`) });
      const stored = await rig.db.sql`select product_id, rating from reviews where workspace_id = ${WS} and customer_id = ${customer.id} order by product_id`;
      expect(stored.map((r) => [r.product_id, r.rating])).toEqual([['p-boot', 2], ['p-socks', 5]]);
    } finally {
      await page.close();
    }
  });
});
