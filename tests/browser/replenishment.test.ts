// The customer page's predicted next purchases in Chromium, in English and Russian: for the demo
// customer who bought cosmetics most often, each product and category they bought with its
// predicted date and the rule that made it (their own rhythm, or the cosmetics cycle of 8-12
// weeks). Screenshots (test-artifacts/replenishment-customer-*.png); nothing may overflow. And the
// categories' buying cycles edited in Settings, in Serbian (replenishment-settings-sr-Cyrl.png).
import { expect, it } from 'vitest';
import { overflowing, pickLanguage, screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser();

it.each([
  { locale: 'en', title: 'Next purchase, predicted', own: 'Their own rhythm', cycle: 'The product’s buying cycle: 70 days' },
  { locale: 'ru', title: 'Следующая покупка (прогноз)', own: 'По покупкам покупателя', cycle: 'Цикл покупки товара: 70 дней' },
])('shows the predicted next purchases with their rules, in $locale', { timeout: 180_000 }, async ({ locale, title, own, cycle }) => {
  const { app, page } = env;
  if (locale === 'en') await env.logIn();
  else await pickLanguage(page, locale);
  const [{ customer }] = await app.database.sql<{ customer: string }[]>`
    select i.customer_id as customer from order_items i join orders o on o.workspace_id = i.workspace_id and o.id = i.order_id
    where i.workspace_id = ${env.demo.workspaceId} and i.category = 'Cosmetics' and o.status not in ('cancelled', 'refunded')
    group by i.customer_id order by count(distinct o.id) desc, i.customer_id limit 1`;

  await page.goto(`${app.url}/customers/${customer}`);
  const list = page.getByTestId('customer-replenishment');
  await list.waitFor();
  await expect.poll(() => page.getByText(title, { exact: true }).isVisible()).toBe(true);
  const rows = await list.locator('li').allTextContents();
  // The category, bought again and again, by their own rhythm; a cream bought once by the product's cycle.
  expect(rows.some((r) => r.includes('Cosmetics') && r.includes(own))).toBe(true);
  expect(rows.some((r) => r.includes(cycle))).toBe(true);
  await list.scrollIntoViewIfNeeded();
  await screenshot(page, `replenishment-customer-${locale}`);
  expect(await overflowing(page, 'h1, h2, dt, [data-testid="customer-replenishment"] div')).toEqual([]);
});

it('edits the categories’ buying cycles in Settings, a bad row named under it, in Serbian', { timeout: 180_000 }, async () => {
  const { app, page } = env;
  await pickLanguage(page, 'sr-Cyrl');
  await page.goto(`${app.url}/settings`);
  const card = page.getByTestId('buying-cycles');
  await card.waitFor();
  await expect.poll(() => card.getByRole('heading').textContent()).toBe('Циклуси куповине');
  // The demo's cycles: cosmetics 8-12 weeks, industrial goods 12-14 months.
  const categories = card.getByLabel('Категорија', { exact: true });
  await expect.poll(() => categories.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['Cosmetics', 'Industrial']);
  await card.getByRole('button', { name: 'Додај категорију' }).click();
  await categories.nth(2).fill('Books');
  await card.getByLabel('Најкраће, у данима').nth(2).fill('120');
  await card.getByLabel('Најдуже, у данима').nth(2).fill('90');
  await card.getByRole('button', { name: 'Сачувај циклусе куповине' }).click();
  await expect.poll(() => card.getByRole('alert').textContent()).toBe('Најдуже не може бити краће од најкраћег');
  await screenshot(page, 'replenishment-settings-sr-Cyrl');
  expect(await overflowing(page, 'h2, label, button, [data-testid="buying-cycles"] p')).toEqual([]);
  await card.getByLabel('Најдуже, у данима').nth(2).fill('150');
  await card.getByRole('button', { name: 'Сачувај циклусе куповине' }).click();
  await card.getByText('Сачувано').waitFor();
  const stored = await app.database.sql`select category, min_days, max_days from category_buying_cycles
    where workspace_id = ${env.demo.workspaceId} and category = 'Books'`;
  expect(stored.map((r) => ({ ...r }))).toEqual([{ category: 'Books', min_days: 120, max_days: 150 }]);
});
