// The app in the shops' languages, in Chromium: the owner switches to Serbian Cyrillic, then
// Russian, from the user menu; navigation, the journeys list and its plural line follow at once
// and after a reload, and the choice follows the user to another browser; a browser whose
// language is Russian gets Russian before anyone picks.
// Settings (every card, the shop's default language and currency among them) and Users follow
// too, with their own checks in Serbian.
// Screenshots of each screen in each: Cyrillic runs longer, so no label may overflow.
import path from 'node:path';
import { expect, it } from 'vitest';
import { ARTIFACTS, overflowing, pickLanguage, screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser();

/** Labels of the journeys list whose text could be cut or spill over: none may. */
const LABELS = 'nav a, th, h1, header button, [data-testid="journeys-walking"]';
const SCREEN_LABELS = 'nav a, th, h1, h2, h3, label, legend, button, option, [role="alert"], .rounded-full';

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

it('shows Settings and Users in Serbian Cyrillic and Russian, and keeps the shop\'s default language and currency', { timeout: 120_000 }, async () => {
  // Tall enough for every Settings card in one picture (the page scrolls inside the app's frame).
  const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 3400 } });
  const page = await context.newPage();
  await page.goto(env.app.url);
  await page.getByLabel('Email').fill(env.demo.email);
  await page.getByLabel('Password').fill(env.demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation').waitFor();
  await pickLanguage(page, 'sr-Cyrl');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Токови');

  await page.goto(`${env.app.url}/settings`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Подешавања');
  for (const card of ['Ваша продавница', 'Правила слања', 'Ограничења слања', 'Сагласности и блокиране адресе', 'Кључеви за пријем података', 'Интеграције']) {
    await page.getByRole('heading', { name: card }).waitFor();
  }
  const shop = page.getByTestId('shop-settings');
  expect(await shop.getByLabel('Подразумевани језик').locator('option').allTextContents()).toEqual(['English', 'Српски (ћирилица)', 'Srpski (latinica)', 'Slovenščina', 'Русский']);
  expect(await shop.textContent()).toContain('Језик за купце чији језик није познат');
  // Currencies are named by Intl in the user's language, the shops' usual ones first.
  expect((await shop.getByLabel('Подразумевана валута').locator('option').allTextContents()).slice(0, 4))
    .toEqual(['RSD · српски динар', 'EUR · евро', 'RUB · руска рубља', 'USD · амерички долар']);

  // A mistake is named beside its field, in Serbian, before anything is sent.
  await shop.getByLabel('Назив продавнице').fill(' ');
  await shop.getByLabel('Веб-адреса продавнице').fill('http://planinar.example');
  await shop.getByRole('button', { name: 'Сачувај продавницу' }).click();
  await expect.poll(() => shop.getByTestId('shop-error-name').textContent()).toBe('Унесите назив продавнице.');
  expect(await shop.getByTestId('shop-error-url').textContent()).toContain('https');
  await shop.screenshot({ path: path.join(ARTIFACTS, 'languages-shop-refused-sr-Cyrl.png') });
  const stored = async () => (await env.app.database.sql<{ name: string; shop: Record<string, string> | null }[]>`
    select name, settings->'shop' as shop from workspaces where id = ${env.demo.workspaceId}`)[0];
  expect((await stored()).name).not.toBe(' ');

  await shop.getByLabel('Назив продавнице').fill('Планинар');
  await shop.getByLabel('Веб-адреса продавнице').fill('https://planinar.example');
  await shop.getByLabel('Подразумевани језик').selectOption('sr-Latn');
  await shop.getByLabel('Подразумевана валута').selectOption('RSD');
  // The time zone is searched as typed (zone names are English, as IANA writes them).
  await shop.getByLabel('Временска зона').fill('belgr');
  const belgrade = shop.getByRole('option', { name: /^Europe\/Belgrade/ });
  await belgrade.waitFor();
  await screenshot(page, 'languages-shop-time-zone-sr-Cyrl');
  await belgrade.click();
  expect(await shop.getByLabel('Временска зона').inputValue()).toBe('Europe/Belgrade');
  await shop.getByRole('button', { name: 'Сачувај продавницу' }).click();
  await shop.getByText('Сачувано ✓').waitFor();
  expect(await stored()).toMatchObject({ name: 'Планинар', shop: { url: 'https://planinar.example', locale: 'sr-Latn', currency: 'RSD', timeZone: 'Europe/Belgrade' } });
  await screenshot(page, 'languages-settings-sr-Cyrl');
  expect(await overflowing(page, SCREEN_LABELS)).toEqual([]);

  await page.getByRole('navigation').getByRole('link', { name: 'Корисници' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Корисници');
  const roles = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Шта која улога може' }) });
  await expect.poll(() => roles.textContent()).toContain('ВласникСве, укључујући власнике');
  expect(await roles.textContent()).toContain('МаркетарТокови, сегменти, шаблони и објављивање');
  await page.getByTestId('invite').click();
  await page.getByRole('dialog', { name: 'Позовите колегу' }).getByRole('radio', { name: /^Менаџер/ }).waitFor();
  await screenshot(page, 'languages-users-invite-sr-Cyrl');
  expect(await overflowing(page, SCREEN_LABELS)).toEqual([]);
  await page.keyboard.press('Escape');
  await screenshot(page, 'languages-users-sr-Cyrl');
  expect(await overflowing(page, SCREEN_LABELS)).toEqual([]);

  await pickLanguage(page, 'ru');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Пользователи');
  await page.getByRole('heading', { name: 'Что может каждая роль' }).waitFor();
  await screenshot(page, 'languages-users-ru');
  expect(await overflowing(page, SCREEN_LABELS)).toEqual([]);

  await page.getByRole('navigation').getByRole('link', { name: 'Настройки' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Настройки');
  await page.getByRole('heading', { name: 'Ключи приёма данных' }).waitFor();
  expect(await page.getByTestId('shop-settings').getByLabel('Язык по умолчанию').inputValue()).toBe('sr-Latn');
  expect(await page.getByTestId('sending-rules').textContent()).toContain('Тихие часы');
  await screenshot(page, 'languages-settings-ru');
  expect(await overflowing(page, SCREEN_LABELS)).toEqual([]);

  // The audit log describes what was just done, in Russian.
  await page.getByRole('navigation').getByRole('link', { name: 'Журнал действий' }).click();
  await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('Изменены данные магазина');
  expect(await page.getByLabel('Тип действия').locator('option').allTextContents()).toContain('Ключи и интеграции');
  await screenshot(page, 'languages-audit-ru');
  expect(await overflowing(page, SCREEN_LABELS)).toEqual([]);
  await context.close();
});
