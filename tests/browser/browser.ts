// Headless Chromium for browser tests: the one setup every test file shares (a seeded app on a
// fresh database, Chromium, a page, a picture of a failing test), plus mouse and polling helpers.
import type { Clock } from '@afterglow/engine';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startAfterglow, type AfterglowOptions } from '../../apps/server/src/app';
import { createTestDatabase } from '../support/db';

export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

export type App = Awaited<ReturnType<typeof startAfterglow>>;
type Demo = NonNullable<App['demo']>;

export interface AppInBrowser {
  readonly app: App;
  readonly demo: Demo;
  readonly browser: Browser;
  readonly page: Page;
  /** Signs in on the login page (the demo owner unless told otherwise), after a refused `wrongPasswordFirst` if given. */
  logIn(opts?: { email?: string; password?: string; wrongPasswordFirst?: string }): Promise<void>;
  /** A Segment `track` call to the app's ingestion API with the demo key (or `key`). */
  track(message: { userId: string; event: string; messageId: string; properties?: Record<string, unknown> }, key?: string): Promise<Response>;
}

/**
 * Registers the hooks of a browser test file: a seeded Afterglow on a fresh database (HTTP and
 * SMTP sink on free ports, silent), Chromium and one page at `viewport`; a failing test leaves
 * `test-artifacts/failed-<name>.png`; everything is closed after the file. Read the fields inside
 * tests or hooks (they are set in `beforeAll`).
 */
export function useAppInBrowser(opts: {
  clock?: Clock; viewport?: { width: number; height: number };
  /** More start-up options for the app (e.g. `webhookAllowPrivate`). */
  appOptions?: Omit<AfterglowOptions, 'databaseUrl' | 'clock'>;
} = {}): AppInBrowser {
  let app: App | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useAppInBrowser: read the app, browser and page inside a test or hook');
    return value;
  };

  beforeAll(async () => {
    const database = await createTestDatabase();
    const databaseUrl = database.url;
    await database.close();
    app = await startAfterglow({ port: 0, smtpDevPort: 0, seed: true, log: () => {}, ...opts.appOptions, databaseUrl, clock: opts.clock });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: opts.viewport ?? { width: 1400, height: 1000 } });
    // A test's page.goto leaves like a person who answered the browser's "Leave site?" with Leave
    // (an editor with unsaved changes asks); any other dialog is dismissed, as Playwright would.
    page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
  });

  afterEach(async (ctx) => {
    // A failing step leaves a picture of what the browser showed.
    if (page && ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const demo = () => ready(ready(app).demo ?? undefined);
  return {
    get app() { return ready(app); },
    get demo() { return demo(); },
    get browser() { return ready(browser); },
    get page() { return ready(page); },
    async logIn({ email, password, wrongPasswordFirst } = {}) {
      const p = ready(page);
      await p.goto(ready(app).url);
      await p.getByLabel('Email').fill(email ?? demo().email);
      if (wrongPasswordFirst !== undefined) {
        await p.getByLabel('Password').fill(wrongPasswordFirst);
        await p.getByRole('button', { name: 'Sign in' }).click();
        await p.getByRole('alert').waitFor();
      }
      await p.getByLabel('Password').fill(password ?? demo().password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('navigation', { name: 'Main' }).waitFor();
    },
    track(message, key) {
      return fetch(`${ready(app).url}/v1/track`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${key ?? demo().ingestKey}:`).toString('base64')}`, 'content-type': 'application/json' },
        body: JSON.stringify(message),
      });
    },
  };
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  // A palette item below the fold (the palette scrolls) is scrolled to first, as a person would.
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`Not visible: ${locator}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Press, move in steps (so drag thresholds and hover targets fire), release. */
export async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

export async function dragLocatorTo(page: Page, source: Locator, to: { x: number; y: number }) {
  await mouseDrag(page, await centre(source), to);
}

/** Drags from one connection handle to another, as a person drawing an edge would. */
export async function connectHandles(page: Page, source: Locator, target: Locator) {
  await mouseDrag(page, await centre(source), await centre(target));
}

/** The texts of elements matching `selector` that are wider than their box (cut or spilling over). */
export const overflowing = (page: Page, selector: string) => page.evaluate((css) =>
  [...document.querySelectorAll(css)]
    // Text meant to end in an ellipsis (.truncate: addresses, names) is left out.
    .filter((el) => !el.closest('.truncate') && el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent), selector);

/**
 * On a hosted page (a card in <main>): the texts of elements matching `selector` that run past their
 * own box or out of the card. Inputs are left out: a long link scrolls inside its box by design.
 */
export const spillingOnPage = (page: Page, selector: string) => page.evaluate((css) => {
  const main = document.querySelector('main')!.getBoundingClientRect();
  return [...document.querySelectorAll(css)]
    .filter((el) => !(el instanceof HTMLInputElement))
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || (el.closest('main') && el.getBoundingClientRect().right > main.right + 1))
    .map((el) => el.textContent);
}, selector);

const WEB_LOCALES = path.join(import.meta.dirname, '../../apps/web/src/i18n/locales');

const menuLabel = (locale: string): string =>
  (JSON.parse(readFileSync(path.join(WEB_LOCALES, locale, 'shell.json'), 'utf8')) as Record<string, string>)['menu.label'];

/**
 * Picks the app's language in the user menu, as a user does (stored on the account too), and closes
 * the menu once the app speaks it; `picture` names a screenshot of the open menu.
 */
export async function pickLanguage(page: Page, locale: string, picture?: string) {
  await page.getByTestId('user-name').click();
  // Wait for the account to store it too: a page loaded before that would speak the old language.
  const picker = page.getByTestId('language-picker');
  if (await picker.inputValue() !== locale) {
    const stored = page.waitForResponse((response) => response.url().includes('auth.setLocale') && response.ok());
    await picker.selectOption(locale);
    await stored;
  }
  await expect.poll(() => page.getByRole('menu').getAttribute('aria-label')).toBe(menuLabel(locale));
  if (picture) await screenshot(page, picture);
  await page.keyboard.press('Escape');
}

/** Waits until the element's text satisfies `accept`; the error names what was last seen. */
export async function waitForText(locator: Locator, accept: (text: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.textContent({ timeout: 1000 }).catch(() => null)) ?? '';
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${locator}; last text: "${last}"`);
}
