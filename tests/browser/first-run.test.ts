// Production mode in Chromium: no demo, so the app opens on the first-run page; the owner
// fixes a refused field and the set-up code, creates their account and workspace, and is
// signed in. Afterwards a
// new visitor gets the sign-in page.
import { expect, it } from 'vitest';
import { screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser({ appOptions: { seed: false }, viewport: { width: 1200, height: 900 } });

it('the first visitor creates the owner and is signed in; the next one is asked to sign in', { timeout: 120_000 }, async () => {
  const { page, app } = env;
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Set up Afterglow' }).waitFor();
  await screenshot(page, 'first-run');

  await page.getByLabel('Set-up code').fill('WRONG-CODE1');
  await page.getByLabel('Your name').fill('Ana Marković');
  // The browser accepts this address; the server does not, and says so beside the field.
  await page.getByLabel('Email').fill('ana@shop');
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByLabel('Shop name').fill('Zvezda Fan Shop');
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await expect.poll(() => page.getByText('Enter an email address such as you@shop.com').count()).toBe(1);
  await screenshot(page, 'first-run-refused');

  await page.getByLabel('Email').fill('ana@zvezda.example');
  await page.getByRole('button', { name: 'Create owner account' }).click();
  // Only the person who can read the server's log may become its owner.
  await expect.poll(() => page.getByText('This is not the set-up code').count()).toBe(1);
  await page.getByLabel('Set-up code').fill(app.firstRunCode!);
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  expect(await page.getByTestId('workspace-name').textContent()).toBe('Zvezda Fan Shop');
  expect(await page.getByTestId('user-name').textContent()).toBe('Ana Marković');
  const [owner] = await app.database.sql`select role from users where lower(email) = 'ana@zvezda.example'`;
  expect(owner.role).toBe('owner');

  const visitor = await env.browser.newPage();
  try {
    await visitor.goto(app.url);
    await visitor.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await visitor.getByRole('heading', { name: 'Set up Afterglow' }).count()).toBe(0);
  } finally {
    await visitor.close();
  }
});
