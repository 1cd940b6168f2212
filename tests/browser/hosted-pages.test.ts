// The recipients' pages in headless Chromium, in Serbian Cyrillic, Slovenian and Russian (longer
// than English): the unsubscribe confirmation, the page after it and the preference page, on a
// desktop and a phone, pictured and checked for text that overflows its box; the language
// switch leads to the same page in another language.
import { signToken } from '@afterglow/email';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRig, WS, type Rig } from '../support/compliance';
import { ARTIFACTS, launchBrowser, screenshot, spillingOnPage } from './browser';

let rig: Rig;
let browser: Browser;
const SECRET = 'secret'; // seedWorkspace's signing_secret

const CUSTOMERS = [
  { id: 'dragana', email: 'dragana.jovanovic@example.rs', firstName: 'Драгана', locale: 'sr-Cyrl-RS', expect: 'sr-Cyrl', heading: 'Желите да се одјавите са наше имејл листе?' },
  { id: 'spela', email: 'spela.kovacic@example.si', firstName: 'Špela', locale: 'sl-SI', expect: 'sl', heading: 'Se želite odjaviti od naših e-novic?' },
  { id: 'anastasia', email: 'anastasia.smirnova@example.ru', firstName: 'Анастасия', locale: 'ru-RU', expect: 'ru', heading: 'Отписаться от рассылки?' },
] as const;

beforeAll(async () => {
  rig = await startRig(CUSTOMERS.map(({ id, email, firstName }) => ({ id, email, firstName })));
  for (const c of CUSTOMERS) await rig.db.sql`update customers set locale = ${c.locale} where workspace_id = ${WS} and id = ${c.id}`;
  await rig.db.sql`update workspaces set name = 'Sportska radnja Zvezda' where id = ${WS}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

/** Cut or overflowing labels on the page. */
const overflowing = (page: Page) => spillingOnPage(page, 'h1, p, b, span, button, a, label');

describe('hosted pages in the customer\'s language', () => {
  it.each(CUSTOMERS)('unsubscribe and preferences in $expect', { timeout: 120_000 }, async (customer) => {
    for (const [device, viewport] of [['desktop', { width: 1200, height: 820 }], ['phone', { width: 360, height: 780 }]] as const) {
      const page = await browser.newPage({ viewport });
      try {
        await page.goto(`${rig.base}/u/${signToken(SECRET, { t: 'u', w: WS, c: customer.id })}`);
        await page.getByRole('heading', { name: customer.heading }).waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe(customer.expect);
        expect(await overflowing(page)).toEqual([]);
        await screenshot(page, `hosted-unsubscribe-${customer.expect}-${device}`);
        if (device === 'phone') continue;

        await page.getByTestId('unsubscribe').click();
        await page.locator('h1').filter({ hasNotText: customer.heading }).waitFor();
        expect(await overflowing(page)).toEqual([]);
        await screenshot(page, `hosted-unsubscribed-${customer.expect}`);
        await page.locator('p.small a').click();
        await page.getByTestId('marketing').waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe(customer.expect);
        await page.getByTestId('marketing').check();
        await page.getByTestId('topic-offers').uncheck();
        await page.locator('button[type=submit]').click();
        await page.getByRole('status').waitFor();
        expect(await overflowing(page)).toEqual([]);
        await screenshot(page, `hosted-preferences-${customer.expect}`);
        const [row] = await rig.db.sql`select marketing_consent from customers where workspace_id = ${WS} and id = ${customer.id}`;
        expect(row.marketing_consent).toBe(true);
      } finally {
        await page.close();
      }
    }
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(`${rig.base}/p/${signToken(SECRET, { t: 'p', w: WS, c: customer.id })}`);
    await page.getByTestId('marketing').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `hosted-preferences-${customer.expect}-phone.png`), fullPage: true });
    await page.close();
  });

  it('switches the page to another language from its language list', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
    await page.goto(`${rig.base}/p/${signToken(SECRET, { t: 'p', w: WS, c: 'anastasia' })}`);
    await page.getByRole('heading', { name: 'Настройки рассылки' }).waitFor();
    await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'Srpski (latinica)' }).click();
    await page.getByRole('heading', { name: 'Podešavanja imejlova' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Latn');
    await page.getByRole('button', { name: 'Sačuvaj podešavanja' }).click();
    await page.getByRole('status').filter({ hasText: 'Vaša podešavanja su sačuvana.' }).waitFor();
    await screenshot(page, 'hosted-preferences-switched-sr-Latn');
    await page.close();
  });
});
