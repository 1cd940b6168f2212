// The Reviews page in Chromium, in English and Russian: empty at first; a real CSV imported from
// the page (Cyrillic, quoted commas, bad rows named by row); reviews written on the hosted page
// listed with their customer and order, counts on top; a bad review answered with the reply
// emailed to the customer; the selected reviews published at once; the customer's reviews on
// their page. Screenshots: test-artifacts/reviews-staff-*.png; no label may overflow its box.
import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { pickLanguage, screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser({ viewport: { width: 1280, height: 1000 } });
const CSV = fileURLToPath(new URL('../fixtures/reviews/import.csv', import.meta.url));

const overflowing = (page: Page) => page.evaluate(() =>
  [...document.querySelectorAll('main h1, main h2, main button, main label, main legend, main dt, main [data-testid="review-counts"] div')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent));

/** Two reviews written on the hosted page by a demo customer, on one of their orders. */
async function pageReviews() {
  const { app, demo } = env;
  const [order] = await app.database.sql<{ id: string; customerId: string }[]>`
    select o.id, o.customer_id as "customerId" from orders o
    where o.workspace_id = ${demo.workspaceId} and exists (select 1 from order_items i where i.workspace_id = o.workspace_id and i.order_id = o.id)
    order by o.placed_at desc limit 1`;
  const items = await app.database.sql<{ productId: string }[]>`
    select distinct product_id as "productId" from order_items where workspace_id = ${demo.workspaceId} and order_id = ${order.id} limit 2`;
  const now = new Date();
  for (const [i, item] of items.entries()) {
    await app.database.sql`insert into reviews (workspace_id, customer_id, order_id, product_id, rating, text, created_at, updated_at)
      values (${demo.workspaceId}, ${order.customerId}, ${order.id}, ${item.productId}, ${i === 0 ? 2 : 5},
        ${i === 0 ? 'Arrived scratched, and the box was open.' : 'Lovely, exactly as pictured.'}, ${now}, ${now})`;
  }
  return order.customerId;
}

it('moderates, answers and imports reviews, in English', { timeout: 180_000 }, async () => {
  const { app, page } = env;
  await env.logIn();
  await page.getByRole('link', { name: 'Reviews' }).click();
  await page.getByText('No reviews yet').waitFor();
  await screenshot(page, 'reviews-staff-empty-en');

  // Import from the page: the summary and each bad row, by its number.
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByTestId('review-import-file').setInputFiles(CSV);
  const result = page.getByTestId('review-import-result');
  await result.waitFor();
  expect(await result.locator('dd').allTextContents()).toEqual(['4', '1', '4']);
  expect(await page.getByTestId('review-import-errors').locator('li').first().textContent()).toBe('Row 5: the rating must be a whole number from 1 to 5');
  await screenshot(page, 'reviews-staff-import-en');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => page.getByTestId('review-card').count(), { timeout: 10_000 }).toBe(4);

  const customerId = await pageReviews();
  await page.reload();
  await expect.poll(() => page.getByTestId('review-card').count(), { timeout: 10_000 }).toBe(6);
  const counts = page.getByTestId('review-counts');
  await expect.poll(() => counts.locator('button').first().locator('div').nth(1).textContent()).toBe('6');

  // Answer the bad one; the reply is emailed to the customer through the outbox.
  const bad = page.getByTestId('review-card').filter({ hasText: 'Arrived scratched' });
  await bad.getByRole('button', { name: 'Reply' }).click();
  await bad.getByRole('textbox').fill('We are sorry! A replacement is on its way.');
  await bad.getByLabel('Also email it to the customer').check();
  await screenshot(page, 'reviews-staff-reply-en');
  await bad.getByRole('button', { name: 'Save and email' }).click();
  await bad.getByTestId('review-reply').waitFor();
  // In the customer's own language (the demo's customers speak several).
  const [mail] = await app.database.sql<{ subject: string; to: string; email: string; locale: string; customerLocale: string }[]>`
    select o.subject, o.to_address as to, c.email, o.locale, c.locale as "customerLocale" from email_outbox o
    join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
    where o.workspace_id = ${env.demo.workspaceId} and o.effect_key like 'review-reply:%'`;
  expect(mail.to).toBe(mail.email);
  expect(mail.customerLocale.startsWith(mail.locale.slice(0, 2))).toBe(true);
  expect(mail.subject).toContain('Demo Shop');

  // Publish the new ones at once, through the selection.
  await page.getByRole('button', { name: /^New/ }).click();
  await expect.poll(() => page.getByTestId('review-card').count(), { timeout: 10_000 }).toBe(2);
  await page.getByTestId('bulk-bar').getByLabel('Select all shown').check();
  await page.getByRole('button', { name: 'Publish selected' }).click();
  await page.getByText('No review matches').waitFor();
  await page.getByRole('button', { name: /^All/ }).click();
  await expect.poll(() => page.getByTestId('review-card').count(), { timeout: 10_000 }).toBe(6);
  await screenshot(page, 'reviews-staff-list-en');
  expect(await overflowing(page)).toEqual([]);

  // The customer's page lists their reviews, linking to the Reviews page filtered to them.
  await page.goto(`${app.url}/customers/${customerId}`);
  await page.getByTestId('customer-reviews').locator('li').nth(1).waitFor();
  expect(await page.getByTestId('customer-reviews').locator('li').count()).toBe(2);
  await page.getByTestId('customer-reviews').scrollIntoViewIfNeeded();
  await screenshot(page, 'reviews-staff-customer-en');
  await page.getByRole('link', { name: 'All their reviews' }).click();
  await expect.poll(() => page.getByTestId('review-card').count(), { timeout: 10_000 }).toBe(2);
});

it('speaks Russian, and Cyrillic fits', { timeout: 120_000 }, async () => {
  const { app, page } = env;
  await page.goto(`${app.url}/reviews`);
  await pickLanguage(page, 'ru');
  await page.getByRole('heading', { name: 'Отзывы' }).waitFor();
  await page.getByLabel('Поиск').fill('рюкзак');
  await expect.poll(() => page.getByTestId('review-card').count(), { timeout: 10_000 }).toBe(1);
  await page.getByLabel('Поиск').fill('');
  await expect.poll(() => page.getByTestId('review-card').count(), { timeout: 10_000 }).toBe(6);
  await screenshot(page, 'reviews-staff-list-ru');
  expect(await overflowing(page)).toEqual([]);
  await page.getByRole('button', { name: 'Импорт CSV' }).click();
  await page.getByTestId('review-import-file').setInputFiles(CSV);
  await page.getByTestId('review-import-result').waitFor();
  expect(await page.getByTestId('review-import-result').locator('dd').allTextContents()).toEqual(['0', '5', '4']);
  expect(await page.getByTestId('review-import-errors').locator('li').last().textContent()).toContain('Строка 8');
  await screenshot(page, 'reviews-staff-import-ru');
  await page.keyboard.press('Escape');
  await page.getByTestId('review-card').filter({ hasText: 'Растаял' }).getByRole('button', { name: 'Ответить' }).click();
  await screenshot(page, 'reviews-staff-reply-ru');
});
