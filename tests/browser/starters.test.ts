// The starter emails as a customer's mail client shows them, in Chromium: every starter in
// every language at phone width (Cyrillic runs longer) with no text spilling out of its box or
// the screen, with a Serbian and a Russian shop's data; pictures of two of them to look at.
import { buildMergeData, renderEmail, STARTER_TEMPLATES, type MergeData } from '@afterglow/email';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from './browser';

/** A customer of a shop in the language's market, with an order in its currency. */
function shopData(firstName: string, shopName: string, currency: string, products: [string, number][]): MergeData {
  const url = 'https://shop.example';
  const items = products.map(([name, price], i) => ({ product_id: `p${i}`, name, price, quantity: 1, url: `${url}/p${i}`, image_url: `${url}/p${i}.jpg` }));
  return buildMergeData(
    { id: 'c1', email: 'c1@example.com', firstName, lastName: null, timezone: 'Europe/Belgrade', birthday: null, attributes: {} },
    { name: 'Order Completed', properties: { order_id: '10482', currency, products: items, tracking_url: `${url}/track/10482` } },
    { name: shopName, url },
    {
      loyalty: { points: 1600, lifetimePoints: 1600, tier: 'Gold', tierId: 'gold', benefits: '', basis: 'points' as const, nextTier: 'Platinum', nextTierBenefits: '', toNextTier: 3400, pointsToNextTier: 3400, spendToNextTier: 0 },
      coupon: { code: 'THANKS-15', description: '15%', expiresAt: '2026-12-31T00:00:00.000Z' },
      recommendations: items.map((i, n) => ({ productId: i.product_id, name: i.name, category: '', price: i.price, imageUrl: i.image_url, url: i.url, boughtTogether: 3 - n })),
    },
  );
}

const DATA: Record<string, MergeData> = {
  en: shopData('Mia', 'Trailhead', 'EUR', [['Waterproof hiking boots', 129], ['Merino wool socks', 19]]),
  sr: shopData('Милица', 'Планинар', 'RSD', [['Водоотпорне планинарске ципеле', 15490], ['Вунене чарапе од мерино вуне', 1990]]),
  sl: shopData('Špela', 'Gorski kotiček', 'EUR', [['Vodoodporni pohodni čevlji', 129], ['Nogavice iz merino volne', 19]]),
  ru: shopData('Анастасия', 'Горная тропа', 'RUB', [['Водонепроницаемые треккинговые ботинки', 12990], ['Носки из шерсти мериноса', 1490]]),
};

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  // The product pictures: a plain tile instead of the network.
  await page.route('**/*', (route) => route.fulfill({
    contentType: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="#ddd6fe"/></svg>',
  }));
});

afterAll(async () => { await browser?.close(); });

/**
 * Whether the page scrolls sideways, and the words the layout had to break across lines: MJML
 * lets a word too long for its box break anywhere (word-break), so that is how a label that
 * does not fit shows, rather than as overflow.
 */
const spills = (p: Page) => p.evaluate(() => {
  const broken: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return { page: document.documentElement.scrollWidth > window.innerWidth, broken };
});

/** Which rendered emails to keep as whole-page pictures (test-artifacts/starter-<key>-<language>.png). */
const PICTURED = new Set(['order-confirmation sr', 'order-confirmation ru', 'points-balance sr', 'points-balance sl', 'points-balance ru']);

it('fits every starter in every language on a phone screen', { timeout: 120_000 }, async () => {
  for (const starter of STARTER_TEMPLATES) {
    for (const [language, variant] of [['en', starter], ...Object.entries(starter.variants)] as const) {
      const email = await renderEmail(variant, DATA[language]);
      await page.setContent(email.html, { waitUntil: 'load' });
      if (PICTURED.has(`${starter.key} ${language}`)) {
        await page.screenshot({ path: path.join(ARTIFACTS, `starter-${starter.key}-${language}.png`), fullPage: true });
      }
      expect([starter.key, language, await spills(page)]).toEqual([starter.key, language, { page: false, broken: [] }]);
    }
  }
});
