// The storefront snippet of docs/reviews.md, as a shop would paste it: a product page on
// another origin (its own little server) fetches the product's reviews from Afterglow's real
// front door in Chromium (so CORS is the browser's to enforce), renders the stars, the words,
// the photo and the reply, and adds the JSON-LD. Screenshot: test-artifacts/reviews-storefront.png.
import { reviewPageLinks } from '@afterglow/email';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRig, WS, type Rig } from '../support/compliance';
import { pngImage } from '../support/images';
import { ARTIFACTS, launchBrowser } from './browser';

let rig: Rig;
let browser: Browser;
let shop: http.Server;
let shopUrl: string;

const snippet = () => /```html\n([\s\S]+?)```/.exec(readFileSync(path.resolve(import.meta.dirname, '../../docs/reviews.md'), 'utf8'))![1];

beforeAll(async () => {
  rig = await startRig([{ id: 'ana', email: 'ana@example.com', firstName: 'Ana' }, { id: 'ben', email: 'ben@example.com', firstName: 'Ben' }]);
  for (const [id, rating, text, photo] of [['ana', 5, 'Dry feet all week, even in the rain.', true], ['ben', 4, 'Good grip; a size small.', false]] as const) {
    await rig.db.sql`update customers set last_name = ${id === 'ana' ? 'Kovač' : 'Lee'} where workspace_id = ${WS} and id = ${id}`;
    await rig.db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at) values (${WS}, ${`o-${id}`}, ${id}, 80, ${rig.clock.now()})`;
    await rig.db.sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, price) values (${WS}, ${`o-${id}`}, 0, ${id}, '8143', 'Trail boot', 80)`;
    const form = new FormData();
    form.append('rating_0', String(rating));
    form.append('text_0', text);
    if (photo) form.append('photo_0', new Blob([new Uint8Array(pngImage(320, 240))], { type: 'image/png' }), 'boot.png');
    const link = reviewPageLinks({ publicUrl: rig.base, secret: 'secret', workspaceId: WS, customerId: id, now: rig.clock.now() })(`o-${id}`);
    expect((await fetch(link, { method: 'POST', body: form })).status).toBe(200);
    rig.clock.advance(86_400_000);
  }
  await rig.db.sql`update reviews set status = 'published', reply = case when customer_id = 'ana' then 'Thank you, Ana!' end where workspace_id = ${WS}`;
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Trail boot</title></head><body style="font-family:sans-serif">
    <h1>Trail boot</h1>${snippet().replace('https://afterglow.example.com', rig.base.replace('127.0.0.1', 'localhost')).replace('ws_4f1c', WS)}</body></html>`;
  shop = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/products/trail-boot`;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => shop?.close(resolve));
  await rig?.close();
});

it('renders the reviews and their JSON-LD on a shop page of another origin', { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
  try {
    await page.goto(shopUrl);
    await page.locator('#afterglow-reviews article').nth(1).waitFor();
    expect(await page.locator('#afterglow-reviews .summary').textContent()).toBe('★★★★★ 4.5 / 5 (2)');
    expect(await page.locator('#afterglow-reviews .author').allTextContents()).toEqual(['Ben L.', 'Ana K.']);
    expect(await page.locator('#afterglow-reviews .reply').allTextContents()).toEqual(['Thank you, Ana!']);
    const img = page.locator('#afterglow-reviews img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(320);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld.aggregateRating).toEqual({ '@type': 'AggregateRating', reviewCount: 2, ratingValue: 4.5, bestRating: 5, worstRating: 1 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'reviews-storefront.png') });
  } finally {
    await page.close();
  }
});
