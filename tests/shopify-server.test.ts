// Shopify webhooks through the whole server: SHOPIFY_WEBHOOK_SECRET becomes the demo
// workspace's secret, and an orders/create webhook walks the seeded journey to the mailbox
// exactly like a Segment "Order Completed".
import type { Database } from '@afterglow/db';
import { shopifySignature } from '@afterglow/api';
import { startAfterglow, type Afterglow } from '@afterglow/server';
import { readEnv } from '../apps/server/src/env';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

const SECRET = 'shpss_demo_secret_123';
let database: Database;
let app: Afterglow;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-shopify-'));
  app = await startAfterglow({
    databaseUrl: database.url, dataDir, port: 0, smtpDevPort: 0, seed: true, shopifyWebhookSecret: readEnv({ SHOPIFY_WEBHOOK_SECRET: SECRET }).shopifyWebhookSecret,
    webDistDir: path.join(dataDir, 'no-dist'), log: () => {},
  });
});

afterAll(async () => {
  await app?.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function eventually<T>(probe: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Gave up waiting for ${what}`);
}

const webhook = (topic: string, id: string, body: unknown, secret = SECRET) => {
  const raw = JSON.stringify(body);
  return fetch(`${app.url}/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-webhook-id': id,
      'x-shopify-shop-domain': 'demo-shop.myshopify.com', 'x-shopify-hmac-sha256': shopifySignature(secret, raw),
    },
    body: raw,
  });
};

it('refuses a short SHOPIFY_WEBHOOK_SECRET by name', () => {
  expect(() => readEnv({ SHOPIFY_WEBHOOK_SECRET: 'short' })).toThrow(/SHOPIFY_WEBHOOK_SECRET must be at least 8 characters/);
});

it('an orders/create webhook signed with SHOPIFY_WEBHOOK_SECRET reaches the demo journey; orders/fulfilled ships it', async () => {
  expect((await webhook('orders/create', 'srv-bad', { id: 1 }, 'another-secret')).status).toBe(401);
  const order = {
    id: 5550001, email: 'guest@example.com', created_at: '2025-05-20T09:00:00Z', updated_at: '2025-05-20T09:00:00Z',
    currency: 'EUR', total_price: '24.90', customer: null,
    line_items: [{ id: 1, product_id: 77, sku: 'CAP-1', title: 'Red Star cap', vendor: 'Macron', price: '24.90', quantity: 1 }],
  };
  expect((await webhook('orders/create', 'srv-1', order)).status).toBe(200);
  const mail = await eventually(async () => (await database.sql`select to_addresses, html from dev_mailbox`)[0], 'the thank-you email');
  expect(mail.to_addresses).toEqual(['guest@example.com']);
  expect(mail.html).toContain('Red Star cap');

  expect((await webhook('orders/fulfilled', 'srv-2', { ...order, updated_at: '2025-05-21T09:00:00Z' })).status).toBe(200);
  const [row] = await database.sql`select workspace_id, status from orders where id = '5550001'`;
  expect({ ...row }).toEqual({ workspace_id: 'ws_demo', status: 'shipped' });
  const [event] = await database.sql`select name from events where message_id = 'shopify:srv-2'`;
  expect(event.name).toBe('order_shipped');
});
