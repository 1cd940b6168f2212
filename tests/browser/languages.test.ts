// The app in the shops' languages, in Chromium: the owner switches to Serbian Cyrillic, then
// Russian, from the user menu; navigation, the journeys list and its plural line follow at once
// and after a reload, and the choice follows the user to another browser; a browser whose
// language is Russian gets Russian before anyone picks.
// Screenshots of the journeys list in each: Cyrillic runs longer, so no label may overflow.
import { expect, it } from 'vitest';
import { overflowing, pickLanguage, screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser();

/** Labels of the journeys list whose text could be cut or spill over: none may. */
const LABELS = 'nav a, th, h1, header button, [data-testid="journeys-walking"]';

it('switches the app to Serbian Cyrillic and Russian from the user menu', { timeout: 120_000 }, async () => {
  const { page } = env;
  await env.logIn();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect.poll(() => nav.textContent()).toContain('Journeys');

  await pickLanguage(page, 'sr-Cyrl', 'languages-menu-sr-Cyrl');
  const srNav = page.getByRole('navigation', { name: 'Главни мени' });
  await expect.poll(() => srNav.textContent()).toContain('Токови');
  await expect.poll(() => srNav.textContent()).toContain('Купци');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Токови');
  await expect.poll(() => page.getByTestId('journeys-walking').textContent()).toMatch(/^Тренутно (је|су) \d+ куп(ац|ца|аца) у токовима\.$/);
  await screenshot(page, 'languages-journeys-sr-Cyrl');
  expect(await overflowing(page, LABELS)).toEqual([]);

  // The choice is this browser's: it survives a reload.
  await page.reload();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Токови');

  await pickLanguage(page, 'ru', 'languages-menu-ru');
  await expect.poll(() => page.getByRole('navigation', { name: 'Главное меню' }).textContent()).toContain('Покупатели');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Сценарии');
  await expect.poll(() => page.getByTestId('journeys-walking').textContent()).toMatch(/^Сейчас в сценариях \d+ покупател(ь|я|ей)\.$/);
  await screenshot(page, 'languages-journeys-ru');
  expect(await overflowing(page, LABELS)).toEqual([]);

  // Stored on the account: another browser, in English, switches to Russian once signed in.
  await expect.poll(async () => (await env.app.database.sql<{ locale: string }[]>`select locale from users where email = ${env.demo.email}`)[0].locale).toBe('ru');
  const other = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  const laptop = await other.newPage();
  await laptop.goto(env.app.url);
  await laptop.getByLabel('Email').fill(env.demo.email);
  await laptop.getByLabel('Password').fill(env.demo.password);
  await laptop.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => laptop.getByRole('heading', { level: 1 }).textContent()).toBe('Сценарии');
  await other.close();
});

it('speaks the browser\'s language until the user picks one', { timeout: 60_000 }, async () => {
  const context = await env.browser.newContext({ locale: 'ru-RU', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(env.app.url);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('С возвращением');
  await expect.poll(() => page.getByRole('button', { name: 'Войти' }).count()).toBe(1);
  await screenshot(page, 'languages-login-ru');
  await context.close();
});
