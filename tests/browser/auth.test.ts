// Signing in and out in Chromium: after too many wrong passwords the login page says how long
// to wait and keeps the button off, counting down; "Sign out everywhere" in the user menu
// ends this browser's session and every other one.
import { ManualClock } from '@afterglow/engine';
import { expect, it } from 'vitest';
import { screenshot, useAppInBrowser } from './browser';

const clock = new ManualClock(new Date());
const env = useAppInBrowser({ clock, viewport: { width: 1000, height: 760 } });

/** A wrong password over HTTP, as a script guessing would; returns the wait it was told, if refused. */
async function guess(): Promise<number | null> {
  const res = await fetch(`${env.app.url}/trpc/auth.login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env.demo.email, password: 'guess' }),
  });
  return res.status === 429 ? Number(res.headers.get('retry-after')) : null;
}

it('after too many wrong passwords, the login page names the wait and counts it down', { timeout: 120_000 }, async () => {
  const { page } = env;
  await page.goto(env.app.url);
  await page.getByLabel('Email').fill(env.demo.email);
  const alert = page.getByRole('alert');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Password').fill(`wrong-${i}`);
    // Each attempt answered before the next (and before the clock moves): the alert alone still
    // shows the previous attempt's words while this one is in flight.
    const answered = page.waitForResponse((r) => r.url().includes('/trpc/auth.login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await answered;
    await expect.poll(() => alert.textContent()).toBe('Email or password is incorrect');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor(); // enabled again
  }
  // Someone keeps guessing: each wrong password doubles the wait, up to five minutes.
  for (let wait = 1; wait < 300; wait = Math.min(300, wait * 2)) {
    clock.advance(wait * 1000);
    expect(await guess()).toBeNull();
  }
  await page.getByLabel('Password').fill(env.demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => alert.textContent()).toBe('Too many sign-in attempts for this account: try again in 5 minutes');
  const button = page.getByRole('button', { name: /^Sign in again in (5:00|4:[0-5]\d)$/ });
  await button.waitFor();
  expect(await button.isDisabled()).toBe(true);
  await button.evaluate((b) => Promise.all(b.getAnimations().map((a) => a.finished))); // its fade to the disabled colour
  await screenshot(page, 'login-throttled');

  clock.advance(300_000);
  await env.logIn();
});

it('signs out everywhere from the user menu', { timeout: 120_000 }, async () => {
  const { page, browser } = env;
  const other = await browser.newContext();
  const phone = await other.newPage();
  try {
    await phone.goto(env.app.url);
    await phone.getByLabel('Email').fill(env.demo.email);
    await phone.getByLabel('Password').fill(env.demo.password);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.getByRole('navigation', { name: 'Main' }).waitFor();

    await page.getByRole('button', { name: /Demo Admin/ }).click();
    await page.getByRole('menu', { name: 'Account' }).waitFor();
    await screenshot(page, 'user-menu');
    await page.getByRole('menuitem', { name: /Sign out everywhere/ }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();

    await phone.reload();
    await phone.getByRole('button', { name: 'Sign in' }).waitFor();
  } finally {
    await other.close();
  }
});
