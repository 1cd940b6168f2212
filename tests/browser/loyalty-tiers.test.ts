// The shop's own loyalty tiers in the browser: the segment editor's tier picker lists them by
// name with their thresholds (in money, for tiers by spend) and saves the id; the customer page
// shows the customer's tier and what is left to the next. Screenshots of both.
import { ManualClock } from '@afterglow/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useAppInBrowser } from './browser';
import { storeLoyaltySettings } from '../support/loyalty';

const env = useAppInBrowser({ clock: new ManualClock(new Date()) });
beforeAll(async () => {
  await env.logIn();
  const loyalty = { tiers: { basis: 'spend', windowDays: 365, list: [
    { id: 'friend', name: 'Friend', threshold: 0 },
    { id: 'insider', name: 'Insider', threshold: 100, benefits: 'Free shipping' },
    { id: 'icon', name: 'Icon', threshold: 1000, benefits: 'A personal stylist' },
  ] } };
  await storeLoyaltySettings(env.app.database.sql, env.demo.workspaceId, loyalty);
}, 120_000);

describe('configured loyalty tiers in the browser', () => {
  it('picks a tier by name in the segment editor and saves its id', { timeout: 120_000 }, async () => {
    const { app, page } = env;
    await page.goto(`${app.url}/segments/new`);
    await page.getByLabel('Name').fill('Insiders and up');
    await page.getByLabel('Condition type').first().selectOption('tier');
    const picker = page.getByLabel('Tier', { exact: true });
    await expect.poll(() => picker.locator('option').allTextContents(), { timeout: 30_000 })
      .toEqual(['Choose a tier', 'Friend (0+ spent)', 'Insider (100+ spent)', 'Icon (1,000+ spent)']);
    await picker.selectOption('insider');
    await screenshot(page, 'segments-tier-picker');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await expect.poll(async () => (await app.database.sql<{ rule: unknown }[]>`
      select rule from segments where workspace_id = ${env.demo.workspaceId} and name = 'Insiders and up'`)[0]?.rule, { timeout: 30_000 })
      .toEqual({ kind: 'group', op: 'and', rules: [{ kind: 'tier', op: 'atLeast', tier: 'insider' }] });
  });

  it('shows the customer\'s tier and what is left to the next on their page', { timeout: 120_000 }, async () => {
    const { app, page } = env;
    const [buyer] = await app.database.sql<{ id: string }[]>`
      select customer_id as id from customer_order_stats where workspace_id = ${env.demo.workspaceId} order by total_spent desc, customer_id limit 1`;
    await page.goto(`${app.url}/customers/${buyer.id}`);
    const tier = page.getByTestId('loyalty-tier');
    await tier.waitFor();
    // The demo's biggest spender has spent far past the top threshold within the year.
    expect(await tier.textContent()).toBe('IconTop tier');
    await screenshot(page, 'customer-loyalty-tier');
  });
});
