// The customer and segment screens in Serbian Cyrillic and Russian, in Chromium: a marketer sets
// a customer's language on their page (stored canonical), sees it in the list, and builds a
// segment on "language is Serbian" whose live count finds that customer; the customer's tags show
// on their page, and a segment on "has the tag VIP" counts the customers tagged so. Screenshots of each
// screen in each language (test-artifacts/customers-languages-*.png): Cyrillic runs longer, so no
// heading, column title or field label may overflow its box.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { pickLanguage, screenshot, useAppInBrowser } from './browser';

const env = useAppInBrowser();

const overflowing = (page: Page) => page.evaluate(() =>
  [...document.querySelectorAll('h1, h2, th, dt, label, button, [data-testid="segment-count"]')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent));

const localeOf = async (id: string) =>
  (await env.app.database.sql<{ locale: string | null }[]>`select locale from customers where workspace_id = ${env.demo.workspaceId} and id = ${id}`)[0].locale;

it.each([
  { locale: 'sr-Cyrl', customer: 'cust_0001', language: 'Језик', unknown: 'Непознат (језик продавнице)', serbian: 'српски',
    tags: ['Ознаке', 'Ознака'], regular: 'Верни купац' },
  { locale: 'ru', customer: 'cust_0002', language: 'Язык', unknown: 'Неизвестен (язык магазина)', serbian: 'сербский',
    tags: ['Теги', 'Тег'], regular: 'Постоянный покупатель' },
])('sets a customer\'s language and segments by it, in $locale', { timeout: 180_000 }, async ({ locale, customer, language, unknown, serbian, tags, regular }) => {
  const { app, page } = env;
  if (locale === 'sr-Cyrl') await env.logIn();
  await pickLanguage(page, locale);
  await app.database.sql`update customers set tags = array['VIP', ${regular}]
    where workspace_id = ${env.demo.workspaceId} and id = ${customer}`;

  // The customer page: the language row offers "unknown" and Afterglow's five, each in itself.
  await page.goto(`${app.url}/customers/${customer}`);
  const select = page.getByTestId('customer-language');
  await select.waitFor();
  await expect.poll(() => page.getByText(language, { exact: true }).first().isVisible()).toBe(true);
  // The demo customer's own tag (en-GB, sr-RS, ...), when it is not one of the five, comes second.
  const options = await select.locator('option').allTextContents();
  const own = await localeOf(customer);
  const ownTag = own && !['en', 'sr-Cyrl', 'sr-Latn', 'sl', 'ru'].includes(own) ? 1 : 0;
  expect(options.length).toBe(6 + ownTag);
  expect([options[0], ...options.slice(1 + ownTag)]).toEqual([unknown, 'English', 'Српски (ћирилица)', 'Srpski (latinica)', 'Slovenščina', 'Русский']);
  // Its tags, under their heading in the reader's language.
  await expect.poll(() => page.getByText(tags[0], { exact: true }).isVisible()).toBe(true);
  expect(await page.getByTestId('customer-tags').locator('span').allTextContents()).toEqual(['VIP', regular]);
  await select.selectOption('sr-Latn');
  await expect.poll(() => localeOf(customer)).toBe('sr-Latn');
  await screenshot(page, `customers-languages-customer-${locale}`);
  expect(await overflowing(page)).toEqual([]);

  // The list shows it in its column.
  await page.goto(`${app.url}/customers`);
  await page.getByLabel(locale === 'ru' ? 'Поиск покупателей' : 'Претрага купаца').fill(customer);
  await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
  expect(await page.locator('tbody tr td').nth(2).textContent()).toBe('Srpski (latinica)');
  await screenshot(page, `customers-languages-list-${locale}`);
  expect(await overflowing(page)).toEqual([]);

  // The segment editor: "language is Serbian" counts the demo's Serbian customers (either script,
  // any region) and those set to Serbian so far.
  await page.goto(`${app.url}/segments/new`);
  const kind = page.locator('[data-testid="rule-group-0"] select').nth(1);
  await kind.selectOption('language');
  const languages = page.locator('[data-testid="rule-group-0"] select').nth(3);
  await expect.poll(() => languages.locator('option:checked').textContent()).toBe(serbian);
  const [{ serbians }] = await app.database.sql<{ serbians: number }[]>`select count(*)::int as serbians from customers
    where workspace_id = ${env.demo.workspaceId} and (locale = 'sr' or locale like 'sr-%')`;
  expect(serbians).toBeGreaterThan(2);
  await expect.poll(() => page.getByTestId('segment-count').textContent(), { timeout: 30_000 }).toBe(String(serbians));
  await screenshot(page, `customers-languages-segment-${locale}`);
  expect(await overflowing(page)).toEqual([]);

  // The same condition turned into "has the tag VIP": the customers tagged so far.
  await kind.selectOption('tag');
  await page.getByLabel(tags[1], { exact: true }).fill('VIP');
  const [{ vips }] = await app.database.sql<{ vips: number }[]>`select count(*)::int as vips from customers
    where workspace_id = ${env.demo.workspaceId} and tags @> array['VIP']`;
  expect(vips).toBe(locale === 'ru' ? 2 : 1);
  await expect.poll(() => page.getByTestId('segment-count').textContent(), { timeout: 30_000 }).toBe(String(vips));
  await screenshot(page, `customers-languages-segment-tag-${locale}`);
  expect(await overflowing(page)).toEqual([]);
});
