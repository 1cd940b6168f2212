// The hosted review page in headless Chromium on a phone, in English and Serbian Cyrillic
// (longer): the form for every product of the order, pictured and checked for text that
// overflows; stars chosen by tapping them, a review written and a photo chosen and sent, the
// thank-you page pictured, the photo shown back on the form. A renamed file and a huge one are
// refused as pages a person reads. Screenshots: test-artifacts/reviews-page-<locale>-phone.png,
// reviews-thanks-<locale>-phone.png, reviews-photo-<locale>-phone.png, reviews-photo-refused-phone.png,
// reviews-photo-too-large-phone.png.
import { reviewPageLinks } from '@afterglow/email';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, WS, type Rig } from '../support/compliance';
import { jpegLike, pngImage, renamedText } from '../support/images';
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
  return [...document.querySelectorAll('h1, h2, p, span, button, a, label, textarea, input[type=file]')]
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
      await page.locator('#f0').setInputFiles({ name: 'IMG_2041.png', mimeType: 'image/png', buffer: pngImage(640, 480) });
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `reviews-page-${customer.expect}-phone.png`), fullPage: true });
      await page.getByTestId('submit-review').click();
      await page.getByRole('heading', { name: customer.thanks }).waitFor();
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `reviews-thanks-${customer.expect}-phone.png`) });
      const stored = await rig.db.sql`select product_id, rating from reviews where workspace_id = ${WS} and customer_id = ${customer.id} order by product_id`;
      expect(stored.map((r) => [r.product_id, r.rating])).toEqual([['p-boot', 2], ['p-socks', 5]]);
      // Back on the form: the photo stored, shown (decoded by the browser) with a box to remove it.
      await page.goto(link(`o-${customer.id}`, 'p-boot'));
      const photo = page.getByTestId('photo-0');
      await photo.waitFor();
      expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640);
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `reviews-photo-${customer.expect}-phone.png`) });
    } finally {
      await page.close();
    }
  });
});

describe('photos the page refuses, on a phone', () => {
  it('a renamed file: the form again with the message; a huge one: the 413 page', { timeout: 120_000 }, async () => {
    const link = reviewPageLinks({ publicUrl: rig.base, secret: SECRET, workspaceId: WS, customerId: 'emma', now: rig.clock.now() })('o-emma');
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    try {
      await page.goto(link);
      await page.locator('label[for="r2-4"]').click();
      await page.locator('#f2').setInputFiles({ name: 'wax.jpg', mimeType: 'image/jpeg', buffer: renamedText() });
      await page.getByTestId('submit-review').click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Boot wax: the photo must be a JPEG, PNG or WebP picture.');
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'reviews-photo-refused-phone.png') });

      await page.locator('label[for="r2-4"]').click();
      await page.locator('#f2').setInputFiles({ name: 'raw.jpg', mimeType: 'image/jpeg', buffer: jpegLike(21 * 1024 * 1024) });
      await page.getByTestId('submit-review').click();
      await page.getByTestId('review-tooLarge').waitFor();
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'reviews-photo-too-large-phone.png') });
      // Its link leads back to the form.
      await page.getByTestId('review-back').click();
      await page.getByTestId('submit-review').waitFor();
    } finally {
      await page.close();
    }
  });
});
