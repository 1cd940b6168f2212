// Simulating a journey in Chromium: the demo's "Thank you for your order" replayed over the last
// 30 days of the demo shop's stored orders. The panel shows progress until the worker's job is
// done, then entries per day (the chart) and the sandbox's counts; the counts go onto the canvas
// cards, marked as simulated; one customer who ordered in the period is followed step by step; a
// 7-day simulation is compared with the 30-day one. Then the gallery's review-request journey is
// simulated over the same 30 days, its deliveries being the demo's delivered orders, and one
// customer is followed through the review window to the rendered email.
// Pictured at 1440x900 in English and Russian (test-artifacts/simulation-*.png).
import { expect, it } from 'vitest';
import { overflowing, pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser({ viewport: { width: 1440, height: 900 } });

it('simulates a demo journey over 30 days, shows its counts on the canvas and follows a customer', { timeout: 300_000 }, async () => {
  const { app, page } = env;
  const [journey] = await app.database.sql<{ id: string }[]>`
    select id from journeys where workspace_id = ${env.demo.workspaceId} and name = 'Thank you for your order'`;
  // A customer whose order is in both periods (30 and 7 days): their path has an entry and the email step.
  const [buyer] = await app.database.sql<{ customerId: string }[]>`
    select customer_id as "customerId" from events where workspace_id = ${env.demo.workspaceId} and name = 'Order Completed'
      and timestamp > now() - interval '6 days' order by timestamp desc limit 1`;
  expect(buyer).toBeDefined();
  await env.logIn();

  await page.goto(`${app.url}/journeys/${journey.id}`);
  await page.getByTestId('canvas').waitFor();
  await page.getByTestId('simulate').click();
  const panel = page.getByTestId('simulation-panel');
  await panel.getByTestId('simulation-form').waitFor();
  await screenshot(page, 'simulation-form-en');
  await panel.getByTestId('simulation-period-30').check();
  await panel.getByTestId('simulation-start').click();
  // Queued, running, done: the panel polls until the worker's job has finished.
  const view = panel.getByTestId('simulation-view');
  await expect.poll(() => view.getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
  const entries = Number((await panel.getByTestId('simulation-entries').textContent())?.replace(/\D/g, ''));
  expect(entries).toBeGreaterThan(0);
  await panel.getByTestId('simulation-charts').getByTestId('chart-plot').first().locator('canvas').waitFor();
  await waitForText(panel.getByTestId('simulation-policy'), (t) => t.includes('would have been sent'));
  await screenshot(page, 'simulation-results-en');
  await panel.getByTestId('simulation-samples').scrollIntoViewIfNeeded();
  await screenshot(page, 'simulation-samples-en');

  // The counts on the cards, marked as simulated; the trigger's count is the entries.
  await panel.getByTestId('simulation-show-canvas').click();
  await page.getByTestId('simulated-banner').waitFor();
  const strips = page.locator('[data-simulated="true"]');
  await expect.poll(() => strips.count()).toBeGreaterThan(1);
  expect(Number((await page.getByTestId('stat-trigger-entered').textContent())?.replace(/\D/g, ''))).toBe(entries);
  expect(Number((await page.getByTestId('stat-thank_you_email-entered').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
  await screenshot(page, 'simulation-canvas-en');

  // Follow the buyer: entered, the steps, the email rendered.
  await page.getByTestId('simulate').click();
  await panel.getByTestId('simulation-tab-follow').click();
  await panel.getByTestId('simulation-customer-search').fill(buyer.customerId);
  await panel.getByTestId('simulation-customers').locator('li button').first().click();
  const trace = panel.getByTestId('simulation-trace');
  await trace.waitFor({ timeout: 60_000 });
  expect(await trace.getByTestId('trace-entered').count()).toBeGreaterThan(0);
  expect(await trace.getByTestId('trace-step').count()).toBeGreaterThan(1);
  await waitForText(trace, (t) => t.includes('Order Completed') && t.includes('went on'));
  await screenshot(page, 'simulation-follow-en');

  // A second simulation (the last 7 days) compared with the first, side by side.
  await panel.getByTestId('simulation-tab-simulation').click();
  await panel.getByTestId('simulation-new').click();
  await panel.getByTestId('simulation-period-7').check();
  await panel.getByTestId('simulation-start').click();
  await expect.poll(() => view.getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
  await panel.getByTestId('simulation-tab-past').click();
  await expect.poll(() => panel.getByTestId('simulation-past').locator('li').count()).toBe(2);
  const picks = panel.getByTestId('simulation-compare-pick');
  await picks.nth(0).check();
  await picks.nth(1).check();
  const compare = await waitForText(panel.getByTestId('simulation-compare'), (t) => t.includes('Entered'));
  expect(compare).toContain('Difference');
  await screenshot(page, 'simulation-compare-en');

  // In Russian the results fit and the path reads in Russian.
  await panel.getByRole('button', { name: 'Close' }).click();
  await pickLanguage(page, 'ru');
  await page.goto(`${app.url}/journeys/${journey.id}`);
  await page.getByTestId('canvas').waitFor();
  await page.getByTestId('simulate').click();
  await waitForText(panel.getByTestId('simulation-policy'), (t) => t.includes('Было бы отправлено'));
  await screenshot(page, 'simulation-results-ru');
  // The charts' tables are for screen readers (hidden): the words around them must fit.
  expect(await overflowing(page, '[data-testid="simulation-panel"] *:not(figure *)')).toEqual([]);
  await panel.getByTestId('simulation-tab-follow').click();
  await panel.getByTestId('simulation-customer-search').fill(buyer.customerId);
  await panel.getByTestId('simulation-customers').locator('li button').first().click();
  await waitForText(panel.getByTestId('simulation-trace'), (t) => t.includes('вошёл'));
  await screenshot(page, 'simulation-follow-ru');
  await panel.getByRole('button', { name: 'Закрыть' }).click();
  await pickLanguage(page, 'en');
});

it('simulates the review-request template over 30 days and follows one customer to the email', { timeout: 300_000 }, async () => {
  const { app, page } = env;
  const ws = env.demo.workspaceId;
  // The demo stores its orders' "Order Completed" only: each delivered order of the last 40 days is
  // delivered two days after it was placed (the event a shop's carrier integration sends).
  await app.database.sql`
    insert into events (workspace_id, message_id, type, customer_id, name, properties, timestamp, received_at)
    select workspace_id, 'delivered-' || id, 'track', customer_id, 'order_delivered', jsonb_build_object('order_id', id),
      placed_at + interval '2 days', placed_at + interval '2 days'
    from orders where workspace_id = ${ws} and status = 'delivered' and placed_at between now() - interval '40 days' and now() - interval '2 days'`;
  // Delivered early in the period: the review window (7 to 15 days) has ended by now.
  const [customer] = await app.database.sql<{ customerId: string }[]>`
    select e.customer_id as "customerId" from events e join customers c on c.workspace_id = e.workspace_id and c.id = e.customer_id
    where e.workspace_id = ${ws} and e.name = 'order_delivered' and c.marketing_consent and c.email is not null
      and e.timestamp between now() - interval '28 days' and now() - interval '17 days' order by e.timestamp limit 1`;
  expect(customer).toBeDefined();

  // Signed in by the test above when the file runs whole; alone, it signs in itself.
  await page.goto(app.url);
  const password = page.getByLabel('Password');
  await page.getByRole('navigation', { name: 'Main' }).or(password).first().waitFor();
  if (await password.isVisible()) await env.logIn();
  await page.goto(`${app.url}/journeys/new`);
  await page.getByTestId('use-review-request').click();
  await page.waitForURL(/\/journeys\/jrn_/);
  await page.getByTestId('node-ask').waitFor();
  await page.getByTestId('simulate').click();
  const panel = page.getByTestId('simulation-panel');
  await panel.getByTestId('simulation-period-30').check();
  await panel.getByTestId('simulation-start').click();
  const view = panel.getByTestId('simulation-view');
  await expect.poll(() => view.getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
  expect(Number((await panel.getByTestId('simulation-entries').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
  await waitForText(panel.getByTestId('simulation-policy'), (t) => t.includes('would have been sent'));
  await screenshot(page, 'simulation-review-results-en');

  await panel.getByTestId('simulation-tab-follow').click();
  await panel.getByTestId('simulation-customer-search').fill(customer.customerId);
  await panel.getByTestId('simulation-customers').locator('li button').first().click();
  const trace = panel.getByTestId('simulation-trace');
  await trace.waitFor({ timeout: 60_000 });
  await waitForText(trace, (t) => t.includes('order_delivered'));
  await expect.poll(() => trace.getByTestId('trace-email').count()).toBeGreaterThan(0);
  await trace.getByTestId('trace-email').first().getByRole('button').click();
  // The email as the customer would have read it, in the sandboxed frame.
  await expect.poll(() => trace.frameLocator('iframe').first().locator('body').innerText(), { timeout: 30_000 }).toMatch(/\S/);
  await screenshot(page, 'simulation-review-follow-en');
});
