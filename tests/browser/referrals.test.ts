// The Referrals card of the Settings page in Chromium: an owner sets the qualifying period (a
// value out of range is refused under the field, in the user's language) and sees what became of
// the workspace's referrals, by reason; the card reads whole in Russian and Serbian Cyrillic.
import path from 'node:path';
import { expect, it } from 'vitest';
import { ARTIFACTS, overflowing, pickLanguage, useAppInBrowser } from './browser';

const env = useAppInBrowser();

it('an owner sets the qualifying period and sees the referrals by state and reason', { timeout: 120_000 }, async () => {
  const { page, app } = env;
  const ws = env.demo.workspaceId;
  await app.database.sql`insert into referrals (workspace_id, customer_id, referrer_id, code, source, state, reason, recognised_at, decided_at)
    values (${ws}, 'friend_1', 'cust_0001', 'K7QX4M2P', 'order', 'completed', null, now(), now()),
           (${ws}, 'friend_2', 'cust_0001', 'K7QX4M2P', 'link', 'refused', 'same_address', now(), now()),
           (${ws}, 'friend_3', 'cust_0002', 'P2M4XQ7K', 'identify', 'pending', null, now(), null)`;
  await env.logIn();
  await page.goto(`${app.url}/settings`);
  const card = page.getByTestId('referrals-settings');
  const period = card.getByLabel('Qualifying period');
  await expect.poll(() => period.inputValue()).toBe('14');
  expect(await card.getByTestId('referral-stats').innerText()).toMatch(/Pending\s+1\s+Completed\s+1[\s\S]*Refused: same address\s+1/);
  await period.fill('400');
  await card.getByRole('button', { name: 'Save' }).click();
  await card.getByText('qualifyingDays is at most 365 days').waitFor();
  await period.fill('21');
  await card.getByRole('button', { name: 'Save' }).click();
  await card.getByText('Saved ✓').waitFor();
  const [{ settings }] = await app.database.sql`select settings from workspaces where id = ${ws}`;
  expect(settings.referrals).toEqual({ qualifyingDays: 21 });
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(ARTIFACTS, 'settings-referrals-en.png') });

  for (const [locale, label, refusal] of [
    ['ru', 'Проверочный срок', 'Срок проверки — не меньше 0 дней'],
    ['sr-Cyrl', 'Период провере', 'Период провере је најмање 0 дана'],
  ] as const) {
    await pickLanguage(page, locale);
    await page.goto(`${app.url}/settings`);
    await expect.poll(() => card.getByLabel(label).inputValue()).toBe('21');
    await card.getByLabel(label).fill('-3');
    await card.getByRole('button').click();
    await card.getByText(refusal).waitFor();
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(ARTIFACTS, `settings-referrals-${locale}.png`) });
    expect(await overflowing(page, '[data-testid="referrals-settings"] *')).toEqual([]);
  }
  await pickLanguage(page, 'en');
});

it('the customer page shows their code and the friends they brought, a refusal with its reason', { timeout: 60_000 }, async () => {
  const { page, app } = env;
  await app.database.sql`insert into referral_codes (workspace_id, customer_id, code) values (${env.demo.workspaceId}, 'cust_0001', 'K7QX4M2P')`;
  await page.goto(`${app.url}/customers/cust_0001`);
  const section = page.getByTestId('customer-referrals');
  await section.waitFor();
  expect(await page.getByTestId('referral-code').textContent()).toBe('K7QX4M2P');
  const text = await section.innerText();
  expect(text).toContain('Friends they brought');
  expect(text).toMatch(/friend_2\s+Refused\s+Same shipping address as the referrer/);
  expect(text).toMatch(/friend_1\s+Completed/);
  const card = section.locator('xpath=ancestor::*[contains(@class, "p-5")][1]');
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(ARTIFACTS, 'customer-referrals-en.png') });
  expect(await overflowing(page, '[data-testid="customer-referrals"] *')).toEqual([]);
});
