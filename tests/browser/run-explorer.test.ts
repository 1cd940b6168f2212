// The run explorer in Chromium: a customer walks the demo's "Thank you for your order"; on its
// email step "Who is here" lists who went on from it, found by a search; their run's timeline
// names each step, the email sent (with its Outbox link) and the points; the customer page lists
// the journey and opens the same timeline. Pictured in English and Russian (test-artifacts/run-explorer-*.png).
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { overflowing, pickLanguage, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser();

/** The records of the CSV file a click downloads, checked to be named `filename`. */
async function downloaded(page: Page, click: () => Promise<void>, filename: string): Promise<string[]> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(file.suggestedFilename()).toBe(filename);
  return (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
}
const CUSTOMER = 'cust_explorer';

it('lists who passed a step, opens a run\'s timeline, and shows it from the customer page', { timeout: 240_000 }, async () => {
  const { app, page } = env;
  const [journey] = await app.database.sql<{ id: string }[]>`
    select id from journeys where workspace_id = ${env.demo.workspaceId} and name = 'Thank you for your order'`;
  const identify = await fetch(`${app.url}/v1/identify`, {
    method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${env.demo.ingestKey}:`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ userId: CUSTOMER, messageId: 'rx-0', traits: { email: 'ines@mail.example', firstName: 'Ines', lastName: 'Novak' } }),
  });
  expect(identify.status).toBe(200);
  expect((await env.track({ userId: CUSTOMER, event: 'Order Completed', messageId: 'rx-1', properties: { order_id: 'ord_rx_1', total: 42 } })).status).toBe(200);
  await expect.poll(async () => (await app.database.sql`select count(*)::int as n from journey_runs
    where journey_id = ${journey.id} and customer_id = ${CUSTOMER} and status = 'completed'`)[0].n, { timeout: 30_000 }).toBe(1);
  // Its email reached the development mailbox (the timeline links to it there).
  await expect.poll(async () => (await app.database.sql`select count(*)::int as n from email_outbox o
    join dev_mailbox d on d.message_id = o.message_id
    where o.journey_id = ${journey.id} and o.customer_id = ${CUSTOMER} and o.status = 'sent'`)[0].n, { timeout: 60_000 }).toBeGreaterThan(0);
  await env.logIn();

  await page.goto(`${app.url}/journeys/${journey.id}`);
  await page.getByTestId('canvas').waitFor();
  // On a busy machine the first click can land while the canvas still fits its view: click again.
  for (let attempt = 1; ; attempt++) {
    await page.locator('[data-node-type="core/send-email"]').first().click();
    if (await page.getByTestId('who-is-here').waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
    if (attempt === 5) throw new Error('the email step\'s panel did not open after 5 clicks');
  }
  await page.getByTestId('who-is-here').click();
  const panel = page.getByTestId('step-runs');
  await panel.getByRole('tab', { name: 'Went on from it' }).click();
  await panel.getByTestId('step-runs-search').fill(CUSTOMER);
  const list = panel.getByTestId('step-runs-list');
  // The unfiltered list shows first (newest first, them among it): wait for the search's one row.
  await expect.poll(() => list.locator('li').count(), { timeout: 30_000 }).toBe(1);
  expect(await list.textContent()).toContain(CUSTOMER);
  await screenshot(page, 'run-explorer-step-en');
  // "Download all as CSV": the server's export of the list as filtered (the header and their one row).
  expect(await downloaded(page, () => panel.getByTestId('csv-step-customers').click(), 'step-customers.csv')).toEqual([
    expect.stringMatching(/^Customer ID,Email,Name,Status,/), expect.stringMatching(new RegExp(`^${CUSTOMER},ines@mail.example,Ines Novak,completed,`))]);

  await list.locator('li button').first().click();
  const timeline = page.getByTestId('run-timeline');
  const text = await waitForText(timeline, (t) => t.includes('Send email') && t.includes('+10 points'));
  expect(text).toContain('Order Completed');
  expect(text).toContain('open in Outbox');
  expect(await timeline.getByTestId('timeline-step').count()).toBe(3);
  await screenshot(page, 'run-explorer-timeline-en');
  await timeline.getByRole('button', { name: 'Close' }).click();

  await page.goto(`${app.url}/customers/${CUSTOMER}`);
  const runs = page.getByTestId('customer-runs');
  await waitForText(runs, (t) => t.includes('Thank you for your order') && t.includes('v1'));
  await runs.scrollIntoViewIfNeeded();
  await screenshot(page, 'run-explorer-customer-list-en');
  expect(await downloaded(page, () => page.getByTestId('csv-customer-journeys').click(), 'customer-journeys.csv')).toEqual([
    expect.stringMatching(/^Journey,Journey ID,/), expect.stringMatching(/^Thank you for your order,.*,completed,/)]);
  await runs.getByRole('button', { name: 'Timeline' }).first().click();
  await waitForText(page.getByTestId('run-timeline'), (t) => t.includes('Send email'));
  await screenshot(page, 'run-explorer-customer-en');
  await page.getByTestId('run-timeline').getByRole('button', { name: 'Close' }).click();

  await pickLanguage(page, 'ru');
  await page.goto(`${app.url}/customers/${CUSTOMER}`);
  await waitForText(page.getByTestId('customer-runs'), (t) => t.includes('История'));
  await page.getByTestId('customer-runs').getByRole('button', { name: 'История' }).first().click();
  await waitForText(page.getByTestId('run-timeline'), (t) => t.includes('прошёл дальше'));
  await screenshot(page, 'run-explorer-timeline-ru');
  expect(await overflowing(page, '[data-testid="run-timeline"] *')).toEqual([]);
  await page.getByTestId('run-timeline').getByRole('button', { name: 'Закрыть' }).click();
  await pickLanguage(page, 'en');
});
