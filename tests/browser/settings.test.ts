// The Settings page in Chromium: an owner creates an ingestion key (shown once, working
// at once), revokes it (refused on the next request), connects Shopify and approves an
// address for test emails, and sees the enabled plugins' integrations; a marketer sees that the
// page belongs to the owner, and is refused when saving the sending limits.
import { hashPassword } from '@afterglow/api';
import { createRegistry } from '@afterglow/nodes';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import config from '../../afterglow.config';
import { ARTIFACTS, screenshot, useAppInBrowser, waitForText } from './browser';

const env = useAppInBrowser();

beforeAll(async () => {
  await env.app.database.sql`insert into users (id, workspace_id, email, name, password_hash, role)
    values ('usr_marketer', ${env.demo.workspaceId}, 'marketer@demo.shop', 'Mara', ${await hashPassword('marketer-pw')}, 'marketer')`;
});

const track = (key: string, messageId: string) =>
  env.track({ userId: 'cust_0001', event: 'Browsed Settings', messageId }, key).then((r) => r.status);

it('an owner creates, uses and revokes a key, and connects Shopify', { timeout: 120_000 }, async () => {
  const { page } = env;
  await env.logIn();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Ingestion keys' }).waitFor();
  await expect.poll(() => page.getByTestId('key-row').count()).toBe(1); // the demo key
  await screenshot(page, 'settings-keys');

  await page.getByRole('button', { name: 'New key' }).click();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect.poll(() => page.getByRole('dialog').getByRole('alert').textContent()).toBe('label must not be empty');
  await page.getByLabel('What will use it?').fill('Mobile app');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-key').textContent())!.trim();
  expect(key).toMatch(/^ag_live_[0-9a-f]{32}$/);
  await screenshot(page, 'settings-key-created');
  expect(await track(key, 'settings-1')).toBe(200);
  await page.getByRole('button', { name: 'I have copied it' }).click();

  const row = page.getByTestId('key-row').filter({ hasText: 'Mobile app' });
  await expect.poll(() => row.textContent()).toContain(`${key.slice(0, 12)}…`);
  expect(await page.getByTestId('key-list').textContent()).not.toContain(key);
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Revoke now' }).click();
  await expect.poll(() => row.textContent()).toContain('revoked');
  expect(await track(key, 'settings-2')).toBe(401);

  await page.getByLabel('Signing secret').fill('shpss_browser_secret_9f3a');
  await page.getByLabel('Shop domain (optional)').fill('demo-shop.myshopify.com');
  await page.getByRole('button', { name: 'Connect Shopify' }).click();
  await expect.poll(() => page.getByTestId('shopify-connection').textContent()).toContain('demo-shop.myshopify.com');
  expect(await page.getByTestId('shopify-connection').textContent()).toContain('…9f3a');
  expect(await page.getByTestId('shopify-url').textContent()).toBe(`${new URL(page.url()).origin}/webhooks/shopify`);
  // Every topic the server handles, not a hand-kept seven.
  await waitForText(page.getByTestId('shopify-topics'), (t) => t.includes('refunds/create') && t.includes('checkouts/update') && t.includes('customers/redact'));
  await screenshot(page, 'settings-shopify');
});

it('an owner approves an address for test emails and sets the send rate', { timeout: 60_000 }, async () => {
  const { page } = env;
  await page.goto(`${env.app.url}/settings`);
  const card = page.getByTestId('sending-limits');
  await card.getByLabel('Test email recipients').fill('Team@Agency.test');
  await card.getByRole('button', { name: 'Add' }).click();
  await card.getByLabel('Send rate limit').fill('300');
  await card.getByRole('button', { name: 'Save sending limits' }).click();
  await card.getByText('Saved ✓').waitFor();
  expect(await card.getByTestId('test-recipients').textContent()).toBe('team@agency.test');
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(ARTIFACTS, 'settings-sending-limits.png') });
  const [{ settings }] = await env.app.database.sql`select settings from workspaces where id = ${env.demo.workspaceId}`;
  expect(settings).toMatchObject({ emailsPerMinute: 300, testRecipients: ['team@agency.test'] });

  // The template editor's Send a test now offers it, after the workspace's users.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
  await page.getByRole('link', { name: /Review request/ }).click();
  await page.getByRole('button', { name: 'Send a test' }).click();
  const picker = page.getByLabel('Send to');
  await expect.poll(() => picker.locator('option').allTextContents())
    .toEqual([`Demo Admin <${env.demo.email}>`, 'Mara <marketer@demo.shop>', 'team@agency.test']);
  expect(await picker.locator('optgroup').evaluateAll((groups) => groups.map((g) => (g as HTMLOptGroupElement).label)))
    .toEqual(['Users of this workspace', 'Approved by the owner']);
  await page.getByRole('button', { name: 'Cancel' }).click();
});

it('an owner sees the Integrations of the enabled plugins: a form per service with settings, or that there is none', { timeout: 60_000 }, async () => {
  const { page } = env;
  await page.goto(`${env.app.url}/settings`);
  const section = page.getByTestId('integrations');
  await section.scrollIntoViewIfNeeded();
  // The web app and the server read the same afterglow.config.ts.
  const services = createRegistry(config.plugins).services().filter((s) => s.settings);
  if (services.length === 0) await section.getByRole('heading', { name: 'No integrations to set up' }).waitFor();
  for (const service of services) await section.getByRole('button', { name: `Save ${service.label}` }).waitFor();
  await section.screenshot({ path: path.join(ARTIFACTS, 'settings-integrations.png') });
});

it('a marketer is told who manages the connections and the sending limits', { timeout: 60_000 }, async () => {
  const { page } = env;
  await page.context().clearCookies();
  await env.logIn({ email: 'marketer@demo.shop', password: 'marketer-pw' });
  await page.goto(`${env.app.url}/settings`);
  await page.getByTestId('settings-owner-only').waitFor();
  expect(await page.getByRole('button', { name: 'New key' }).count()).toBe(0);
  // Marketers keep the sending rules; the limits (send rate, test recipients) are read-only to them.
  expect(await page.getByRole('button', { name: 'Save sending rules' }).count()).toBe(1);
  await page.getByTestId('sending-limits').getByTestId('limits-read-only').waitFor();
  expect(await page.getByRole('button', { name: 'Save sending limits' }).count()).toBe(0);
  expect(await page.getByTestId('integrations').count()).toBe(0);
  await screenshot(page, 'settings-marketer');
});

