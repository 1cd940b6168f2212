// The whole server on a test database: health, sessions on tRPC, the demo seed, and an
// event sent through the REST API walking the seeded journey to the Outbox and the ledger.
import type { Database } from '@afterglow/db';
import { validateGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { startAfterglow, type Afterglow } from '@afterglow/server';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

let database: Database;
let app: Afterglow;
let dataDir: string;
const lines: string[] = [];

const start = (opts: { ingestKey?: string } = {}) => startAfterglow({
  databaseUrl: database.url, dataDir, port: 0, smtpDevPort: 0, seed: true,
  webDistDir: path.join(dataDir, 'no-dist'), log: (line) => lines.push(line), ...opts,
});

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-server-'));
  app = await start();
});

afterAll(async () => {
  await app?.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function trpc(pathName: string, input?: unknown, cookie?: string) {
  const res = await fetch(`${app.url}/trpc/${pathName}`, {
    method: input === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  return { status: res.status, body: await res.json(), setCookie: res.headers.get('set-cookie') };
}

/** Polls until `probe` returns a value (the worker runs in the background); no timing is asserted. */
async function eventually<T>(probe: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Gave up waiting for ${what}`);
}

describe('the server', () => {
  it('answers /healthz with the security headers', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('refuses tRPC without a session and accepts the demo login', async () => {
    expect((await trpc('journeys.list')).status).toBe(401);
    const wrong = await trpc('auth.login', { email: 'admin@demo.shop', password: 'not-the-password' });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    const login = await trpc('auth.login', { email: app.demo!.email, password: app.demo!.password });
    expect(login.status).toBe(200);
    expect(login.setCookie).toMatch(/HttpOnly/);
    const cookie = login.setCookie!.split(';')[0];
    const list = await trpc('journeys.list', undefined, cookie);
    expect(list.status).toBe(200);
    expect(list.body.result.data.journeys).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Thank you for your order', status: 'live', currentVersion: 1 }),
      // A draft to show the Issue coupon step: nothing runs until the marketer publishes it.
      expect.objectContaining({ name: 'Win back lapsed customers', status: 'draft' }),
    ]));
    expect(list.body.result.data.journeys).toHaveLength(2);
    // Lists never count; the engine's sweep counts the seeded segments in the background.
    type Listed = { name: string; memberCount: number | null };
    const listed = await eventually(async () => {
      const segments = await trpc('segments.list', undefined, cookie);
      expect(segments.status).toBe(200);
      const rows = segments.body.result.data as Listed[];
      return rows.every((s) => s.memberCount !== null) ? rows : null;
    }, 'the seeded segments to be counted');
    const counts = Object.fromEntries(listed.map((s) => [s.name, s.memberCount]));
    expect(Object.keys(counts).sort()).toEqual(['Bought in the last 90 days', 'VIP: 3+ orders']);
    // Both rules select some demo customers, and not all of them.
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(0);
    for (const count of Object.values(counts)) expect(count).toBeLessThan(500);
  });

  it('seeded the demo shop', async () => {
    const [c] = await database.sql<{ customers: number; products: number; categories: number; orders: number; items: number; zones: number }[]>`
      select (select count(*)::int from customers where workspace_id = 'ws_demo') as customers,
             (select count(*)::int from products where workspace_id = 'ws_demo') as products,
             (select count(distinct category)::int from products where workspace_id = 'ws_demo') as categories,
             (select count(*)::int from orders where workspace_id = 'ws_demo') as orders,
             (select count(*)::int from order_items where workspace_id = 'ws_demo') as items,
             (select count(distinct split_part(timezone, '/', 1))::int from customers where workspace_id = 'ws_demo') as zones`;
    expect(c.customers).toBeGreaterThanOrEqual(200);
    expect(c.products).toBeGreaterThanOrEqual(50);
    expect(c.categories).toBeGreaterThanOrEqual(6);
    expect(c.orders).toBeGreaterThanOrEqual(1000);
    expect(c.items).toBeGreaterThan(c.orders);
    expect(c.zones).toBe(3); // Europe, America, Asia
    // The playbook's buying cycles: cosmetics 8-12 weeks (each product and the category), industrial goods 12-14 months.
    const cycles = await database.sql`select category, min_days, max_days from category_buying_cycles where workspace_id = 'ws_demo' order by category`;
    expect(cycles.map((r) => ({ ...r }))).toEqual([{ category: 'Cosmetics', min_days: 56, max_days: 84 }, { category: 'Industrial', min_days: 365, max_days: 426 }]);
    const [cosmetics] = await database.sql`select count(*)::int as n from products
      where workspace_id = 'ws_demo' and category = 'Cosmetics' and (buying_cycle_min_days, buying_cycle_max_days) is distinct from (56, 84)`;
    expect(cosmetics.n).toBe(0);
    // Its markets: Serbian (both scripts), Slovenian and Russian customers besides the English ones, paying in RSD, EUR and RUB.
    const [markets] = await database.sql<{ locales: string[]; currencies: string[] }[]>`
      select (select array_agg(distinct locale order by locale) from customers where workspace_id = 'ws_demo') as locales,
             (select array_agg(distinct currency order by currency) from orders where workspace_id = 'ws_demo') as currencies`;
    expect(markets).toEqual({ locales: ['en', 'en-GB', 'en-US', 'ru-RU', 'sl-SI', 'sr-Latn-RS', 'sr-RS'], currencies: ['EUR', 'RSD', 'RUB'] });
    const [first] = await database.sql`select email, first_name, birthday::text as birthday from customers where id = 'cust_0001'`;
    expect(first.email).toMatch(/@/);
    expect(first.birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const segments = await database.sql`select name from segments where workspace_id = 'ws_demo' order by name`;
    expect(segments.map((s) => s.name)).toEqual(['Bought in the last 90 days', 'VIP: 3+ orders']);
    const [journey] = await database.sql`select status, current_version_id from journeys where id = 'jrn_demo_thank_you'`;
    expect(journey.status).toBe('live');
    expect(journey.current_version_id).toBeTruthy();
    // The draft win-back journey is ready to publish: every step configured, its template saved.
    const [winBack] = await database.sql`select draft from journeys where id = 'jrn_demo_win_back'`;
    expect(validateGraph(winBack.draft, createRegistry())).toEqual([]);
    const templateId = winBack.draft.nodes.find((n: { type: string }) => n.type === 'core/send-email').config.templateId;
    expect(await database.sql`select starter from email_templates where id = ${templateId}`).toEqual([{ starter: 'win-back' }]);
    expect(statSync(path.join(dataDir, 'demo.json')).mode & 0o777).toBe(0o600);
    // The link-signing secret is stored sealed, with the key generated into the data directory.
    const [ws] = await database.sql`select signing_secret from workspaces where id = 'ws_demo'`;
    expect(ws.signing_secret).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('walks an ingested order through the seeded journey to the Outbox and the ledger', async () => {
    const res = await fetch(`${app.url}/v1/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${app.demo!.ingestKey}:`).toString('base64')}` },
      body: JSON.stringify({
        userId: 'cust_0001', event: 'Order Completed', messageId: 'server-test-1',
        properties: { order_id: 'web-1001', total: 109.85, currency: 'EUR', products: [
          { product_id: 'prod_0001', sku: 'FOO-ADID-001', name: 'Red Star <Home> Jersey', price: 89.95, quantity: 1, url: 'https://shop.example/p/1', image_url: 'https://shop.example/p/1.jpg' },
          { product_id: 'prod_0009', sku: 'FOO-ADID-009', name: 'Red Star Scarf', price: 19.9, quantity: 1, url: 'https://shop.example/p/9', image_url: 'https://shop.example/p/9.jpg' },
        ] },
      }),
    });
    expect(res.status).toBe(200);
    const [customer] = await database.sql`select email, first_name from customers where id = 'cust_0001'`;
    const mail = await eventually(async () => (await database.sql`select subject, html, to_addresses from dev_mailbox`)[0], 'the thank-you email');
    expect(mail.subject).toBe(`Thank you for your order, ${customer.first_name}!`);
    expect(mail.to_addresses).toEqual([customer.email]);
    expect(mail.html).toContain('Red Star &lt;Home&gt; Jersey');
    expect(mail.html).toContain('Red Star Scarf');
    // An order confirmation is transactional: no unsubscribe link, and it says so.
    const [sent] = await database.sql<{ kind: string; headers: Record<string, string> }[]>`
      select kind, headers from email_outbox where customer_id = 'cust_0001' and node_id = 'thank_you_email'`;
    expect(sent.kind).toBe('transactional');
    expect(sent.headers['X-Afterglow-Kind']).toBe('transactional');
    expect(sent.headers['List-Unsubscribe']).toBeUndefined();
    const points = await eventually(async () => (await database.sql`select points from loyalty_ledger where customer_id = 'cust_0001' and kind = 'grant'`)[0], 'the points');
    expect(points.points).toBe(10);
  });

  it('seeds once: a second start keeps the data and the login, and shows no secret again', async () => {
    const first = app.demo!;
    expect(app.needsOwner).toBe(false);
    await app.close();
    lines.length = 0;
    app = await start();
    expect(app.demo).toBeNull();
    const [{ n }] = await database.sql<{ n: number }[]>`select count(*)::int as n from customers where workspace_id = 'ws_demo'`;
    expect(n).toBe(500);
    expect((await trpc('auth.login', { email: first.email, password: first.password })).status).toBe(200);
    const said = lines.join('\n');
    expect(said).toContain(`sign in as ${first.email}`);
    expect(said).not.toContain(first.password);
    expect(said).not.toContain(first.ingestKey);
  });

  it('a revoked demo key stays revoked across restarts, also when AFTERGLOW_INGEST_KEY names it', async () => {
    const key = app.demo?.ingestKey ?? JSON.parse(readFileSync(path.join(dataDir, 'demo.json'), 'utf8')).ingestKey;
    const track = () => fetch(`${app.url}/v1/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
      body: JSON.stringify({ userId: 'cust_0002', event: 'Viewed', messageId: `revoked-${Date.now()}` }),
    });
    expect((await track()).status).toBe(200);
    await database.sql`update ingest_keys set revoked_at = now() where workspace_id = 'ws_demo'`;
    for (const ingestKey of [undefined, key]) {
      await app.close();
      lines.length = 0;
      app = await start({ ingestKey });
      expect((await track()).status).toBe(401);
      const [{ live }] = await database.sql<{ live: number }[]>`select count(*)::int as live from ingest_keys where revoked_at is null`;
      expect(live).toBe(0);
    }
    expect(lines.join('\n')).toContain('AFTERGLOW_INGEST_KEY names a revoked key');
  });

  it('AFTERGLOW_INGEST_KEY set after the demo was created is added once, then works', async () => {
    const key = `ag_live_${'a1'.repeat(16)}`;
    await app.close();
    app = await start({ ingestKey: key });
    await app.close();
    app = await start({ ingestKey: key });
    const rows = await database.sql`select label, revoked_at from ingest_keys where prefix = ${key.slice(0, 12)}`;
    expect(rows).toEqual([{ label: 'AFTERGLOW_INGEST_KEY', revoked_at: null }]);
    const res = await fetch(`${app.url}/v1/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
      body: JSON.stringify({ userId: 'cust_0002', event: 'Viewed', messageId: 'configured-key-1' }),
    });
    expect(res.status).toBe(200);
  });

  it('explains how to build the web app when it is missing', async () => {
    const res = await fetch(`${app.url}/journeys`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('pnpm build');
  });
});
