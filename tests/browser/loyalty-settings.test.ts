// Settings > Loyalty in Chromium: an owner adds a reward (a bad value is refused under its field,
// in the user's language), a tier and a milestone, and saves; the rewards are then offered on the
// customer page, where "Redeem reward" takes the points and shows the coupon code. The screen is
// pictured in English and Serbian Cyrillic (whose texts run longer) and checked for overflow.
import { expect, it } from 'vitest';
import { overflowing, pickLanguage, screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser();

async function pictureWhole(name: string) {
  const { page } = env;
  // The page scrolls inside the app's main area: a tall window shows all of it at once.
  await page.setViewportSize({ width: 1400, height: 3600 });
  await screenshot(page, name);
  expect(await overflowing(page, '[data-testid="loyalty-settings"] *')).toEqual([]);
  await page.setViewportSize({ width: 1400, height: 1000 });
}

it('an owner sets up rewards, tiers and milestones; a bad field is named; staff redeem a reward', { timeout: 180_000 }, async () => {
  const { page, app, demo } = env;
  await env.logIn();
  await page.goto(`${app.url}/settings`);
  await page.getByTestId('loyalty-settings-link').click();
  const rewards = page.getByTestId('loyalty-rewards');
  await rewards.getByText('No rewards yet').waitFor();
  await page.getByTestId('loyalty-milestones-empty').waitFor();

  await rewards.getByRole('button', { name: 'Add a reward' }).click();
  await rewards.getByLabel('Reward name').fill('10% off your next order');
  await rewards.getByLabel('Costs').fill('100');
  await rewards.getByLabel('Percent off', { exact: true }).fill('150');
  await page.getByTestId('loyalty-tiers').getByRole('button', { name: 'Add a tier' }).click();
  await page.getByTestId('loyalty-tier').last().getByLabel('Tier name').fill('Diamond');
  await page.getByTestId('loyalty-milestones').getByRole('button', { name: 'Add a milestone' }).click();
  await page.getByRole('button', { name: 'Save' }).first().click();
  await rewards.getByText('A percent coupon takes 1–100 percent off').waitFor();
  await pictureWhole('loyalty-settings-en');

  await rewards.getByLabel('Percent off', { exact: true }).fill('10');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await page.getByText('Saved ✓').first().waitFor();
  const [{ settings }] = await app.database.sql`select settings from workspaces where id = ${demo.workspaceId}`;
  expect(settings.loyalty.rewards).toEqual([{
    id: expect.stringMatching(/^reward-[0-9a-f]{8}$/), name: '10% off your next order', points: 100, enabled: true,
    coupon: { kind: 'percent', value: 10, minOrderTotal: 0, validDays: 30 },
  }]);
  expect(settings.loyalty.tiers.list.map((t: { name: string }) => t.name)).toEqual(['Bronze', 'Silver', 'Gold', 'Platinum', 'Diamond']);
  expect(settings.loyalty.tiers.list[4].id).toMatch(/^tier-[0-9a-f]{8}$/);
  expect(settings.loyalty.milestones).toEqual([500]);

  // The customer page offers the reward against the balance; redeeming shows the code.
  await app.database.sql`insert into customers (workspace_id, id, email, first_name) values (${demo.workspaceId}, 'loyal_1', 'loyal@example.com', 'Lea')`;
  await app.database.sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason) values (${demo.workspaceId}, 'loyal_1', 150, 'Welcome')`;
  await page.goto(`${app.url}/customers/loyal_1`);
  await page.getByTestId('redeem-reward').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Balance: 150 points').waitFor();
  await dialog.getByRole('button', { name: 'Redeem', exact: true }).click();
  const code = (await dialog.getByTestId('redeemed-coupon').locator('.font-mono').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z2-9]{12}$/);
  await dialog.getByText('Balance: 50 points').waitFor();
  // 50 points cannot pay for another.
  expect(await dialog.getByRole('button', { name: 'Redeem', exact: true }).isDisabled()).toBe(true);
  await screenshot(page, 'loyalty-redeem-dialog-en');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => page.getByTestId('loyalty-balance').textContent()).toBe('50');

  await pickLanguage(page, 'sr-Cyrl');
  await page.goto(`${app.url}/settings/loyalty`);
  await page.getByTestId('loyalty-reward').getByLabel('Кошта').fill('0');
  await page.getByRole('button', { name: 'Сачувај' }).first().click();
  await page.getByText('Награда кошта најмање 1 бод').waitFor();
  await pictureWhole('loyalty-settings-sr-Cyrl');
  await pickLanguage(page, 'en');
});
