// The hosted My rewards page in headless Chromium on a phone, in English and Serbian Cyrillic
// (longer): balance, tier bar, rewards, referral link and history pictured and checked for text
// that overflows; a reward redeemed by tapping Redeem, the page with the coupon code pictured.
// Screenshots: test-artifacts/rewards-page-<locale>-phone.png, rewards-redeemed-<locale>-phone.png.
import { rewardsPageUrl } from '@afterglow/email';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRig, WS, type Rig } from '../support/compliance';
import { ARTIFACTS, launchBrowser, spillingOnPage } from './browser';
import { storeLoyaltySettings } from '../support/loyalty';

let rig: Rig;
let browser: Browser;
const SECRET = 'secret'; // seedWorkspace's signing_secret

const CUSTOMERS = [
  { id: 'emma', locale: 'en-GB', expect: 'en', heading: 'My rewards', redeem: 'Redeem', code: 'Your coupon code' },
  { id: 'dragana', locale: 'sr-Cyrl-RS', expect: 'sr-Cyrl', heading: 'Моје награде', redeem: 'Искористи', code: 'Ваш код купона' },
] as const;
const LOYALTY = {
  tiers: { basis: 'points', windowDays: 365, list: [
    { id: 'member', name: 'Члан клуба', threshold: 0, benefits: 'Бесплатна достава за поруџбине преко 50 евра и поклон за рођендан' },
    { id: 'gold', name: 'Златни члан клуба', threshold: 1000, benefits: 'Бесплатна достава увек' },
  ] },
  rewards: [
    { id: 'ten-off', name: 'Попуст од 10% на следећу поруџбину', points: 300, coupon: { kind: 'percent', value: 10, minOrderTotal: 0, validDays: 30 }, enabled: true },
    { id: 'ship', name: 'Free shipping', points: 150, coupon: { kind: 'free_shipping', value: 0, minOrderTotal: 0, validDays: 30 }, enabled: true },
    { id: 'box', name: 'Поклон кутија „Планинар“', points: 2500, coupon: { kind: 'fixed', value: 30, minOrderTotal: 0, validDays: 30 }, enabled: true },
  ],
};
const LEDGER = [[400, 'Поруџбина o-1001', 'order'], [50, 'Рецензија: Планинске ципеле Трекинг Про', 'review'], [100, 'Рођендан', 'birthday'], [-150, 'Free shipping', 'redeem'], [20, 'Sign-up', 'signup']] as const;

beforeAll(async () => {
  rig = await startRig(CUSTOMERS.map(({ id }) => ({ id, email: `${id}@example.com`, firstName: id })));
  await rig.db.sql`update workspaces set name = 'Sportska radnja Zvezda' where id = ${WS}`;
  await storeLoyaltySettings(rig.db.sql, WS, LOYALTY);
  for (const c of CUSTOMERS) {
    await rig.db.sql`update customers set locale = ${c.locale} where workspace_id = ${WS} and id = ${c.id}`;
    for (const [i, [points, reason, kind]] of LEDGER.entries()) {
      await rig.db.sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, created_at)
        values (${WS}, ${c.id}, ${points}, ${reason}, ${kind}, ${new Date(rig.clock.now().getTime() - (LEDGER.length - i) * 86_400_000)})`;
    }
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

/** Text that runs past its own box or out of the card. */
const overflowing = (page: Page) => spillingOnPage(page, 'h1, h2, p, span, b, code, button, a, li');

it.each(CUSTOMERS)('My rewards on a phone in $expect, and after redeeming', { timeout: 120_000 }, async (customer) => {
  const link = rewardsPageUrl({ publicUrl: rig.base, secret: SECRET, workspaceId: WS, customerId: customer.id, now: rig.clock.now() });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, javaScriptEnabled: false });
  try {
    await page.goto(link);
    await page.getByRole('heading', { name: customer.heading, exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe(customer.expect);
    expect(await page.locator('li').count()).toBe(LEDGER.length);
    expect(await page.getByTestId('redeem-box').isDisabled()).toBe(true);
    expect(await overflowing(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS, `rewards-page-${customer.expect}-phone.png`), fullPage: true });
    await page.getByTestId('redeem-ten-off').click();
    await page.getByRole('heading', { name: customer.code }).waitFor();
    expect(await page.getByTestId('rewards-coupon').textContent()).toMatch(/^[A-Z2-9]{12}$/);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `rewards-redeemed-${customer.expect}-phone.png`), fullPage: true });
    const [{ balance }] = await rig.db.sql`select sum(points)::int as balance from loyalty_ledger where workspace_id = ${WS} and customer_id = ${customer.id}`;
    expect(balance).toBe(120);
  } finally {
    await page.close();
  }
});
