// The shop's name and https address (Settings): validated with the field named, kept per
// workspace, and used by emails for shop.name, shop.url and review links; the customer page
// lists the customer's coupons.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import { createJourneyEmailRenderer, createTemplateSandbox } from '@afterglow/email';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorOf, seedUser, signIn, startApiServer, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const registry = createRegistry();
const clock = new ManualClock(new Date('2026-07-01T10:00:00Z'));
const templateSandbox = createTemplateSandbox();
let db: Database;
let server: ApiServer;
let marketer: ApiClient;
let viewer: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret) values ('ws_s', 'Shop', 's'), ('ws_other', 'Other', 's')`;
  await db.sql`insert into customers (workspace_id, id, email, first_name) values ('ws_s', 'c1', 'c1@example.com', 'Cleo')`;
  await seedUser(db, { id: 'u_m', workspaceId: 'ws_s', email: 'm@s.test', password: 'pw-m', role: 'marketer' });
  await seedUser(db, { id: 'u_a', workspaceId: 'ws_s', email: 'a@s.test', password: 'pw-a', role: 'admin' });
  await seedUser(db, { id: 'u_v', workspaceId: 'ws_s', email: 'v@s.test', password: 'pw-v', role: 'viewer' });
  const engine = createEngine({ database: db, registry, clock });
  server = await startApiServer({ database: db, registry, clock, engine, templateSandbox });
  marketer = await signIn(server.url, 'm@s.test', 'pw-m');
  viewer = await signIn(server.url, 'v@s.test', 'pw-v');
  admin = await signIn(server.url, 'a@s.test', 'pw-a');
});

afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  await db?.close();
});

const issuesOf = (err: { data: { issues?: { field: string; message: string }[] } }) => err.data.issues ?? [];

it('refuses a shop address that is not https, or an empty name, naming the field', async () => {
  for (const url of ['http://shop.test', 'javascript:alert(1)', 'https://shop.test/?ref=mail', 'shop.test']) {
    const bad = await errorOf(marketer.shop.save.mutate({ name: 'Trail & Co', url }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(issuesOf(bad).map((i) => i.field)).toContain('url');
    expect(issuesOf(bad).find((i) => i.field === 'url')!.message).toMatch(/Shop URL/);
  }
  const noName = await errorOf(marketer.shop.save.mutate({ name: '  ', url: 'https://trail.example' }));
  expect(issuesOf(noName)).toEqual([{ field: 'name', message: 'Shop name must not be empty' }]);
  expect((await errorOf(viewer.shop.save.mutate({ name: 'Trail & Co', url: 'https://trail.example' }))).code).toBe('FORBIDDEN');
  expect(await viewer.shop.get.query()).toEqual({ name: 'Shop', url: 'https://shop.example', urlIsDefault: true, locale: 'en', currency: 'EUR', timeZone: 'UTC' });
  const badLanguage = await errorOf(marketer.shop.save.mutate({ name: 'Trail', url: 'https://trail.example', locale: 'de' as 'en', currency: 'euro' }));
  expect(issuesOf(badLanguage).map((i) => i.field).sort()).toEqual(['currency', 'locale']);
});

it('keeps the name and address per workspace', async () => {
  expect(await marketer.shop.save.mutate({ name: ' Trail & Co ', url: 'https://trail.example/shop/', locale: 'sr-Latn', currency: 'rsd' }))
    .toEqual({ name: 'Trail & Co', url: 'https://trail.example/shop', urlIsDefault: false, locale: 'sr-Latn', currency: 'RSD', timeZone: 'UTC' });
  // A save without the language and currency (an older form) keeps them.
  expect(await marketer.shop.save.mutate({ name: ' Trail & Co ', url: 'https://trail.example/shop/' }))
    .toEqual({ name: 'Trail & Co', url: 'https://trail.example/shop', urlIsDefault: false, locale: 'sr-Latn', currency: 'RSD', timeZone: 'UTC' });
  expect(await viewer.shop.get.query()).toEqual({ name: 'Trail & Co', url: 'https://trail.example/shop', urlIsDefault: false, locale: 'sr-Latn', currency: 'RSD', timeZone: 'UTC' });
  const [other] = await db.sql`select name, settings from workspaces where id = 'ws_other'`;
  expect(other).toEqual({ name: 'Other', settings: {} });
  // The sending rules live beside it and keep it.
  await admin.sending.save.mutate({ frequencyCap: { enabled: true, maxEmails: 1, perDays: 7 }, quietHours: { enabled: false, startHour: 21, endHour: 8 } });
  expect((await viewer.shop.get.query()).url).toBe('https://trail.example/shop');
});

it('keeps the shop\'s time zone: an IANA zone PostgreSQL knows, refused otherwise naming the field, audited', async () => {
  const shop = { name: 'Trail & Co', url: 'https://trail.example/shop' };
  for (const timeZone of ['Mars/Olympus', '+01:00', 'GMT+1', 'Europe/Belgrade; drop table', '', 'x'.repeat(65)]) {
    const bad = await errorOf(marketer.shop.save.mutate({ ...shop, timeZone }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(new Set(issuesOf(bad).map((i) => `${i.field}: ${i.message}`))).toEqual(new Set(['timeZone: Time zone must be an IANA time zone such as Europe/Belgrade']));
  }
  expect((await marketer.shop.save.mutate({ ...shop, timeZone: 'europe/belgrade' })).timeZone).toBe('Europe/Belgrade');
  expect((await marketer.shop.save.mutate({ ...shop, timeZone: 'Asia/Vladivostok' })).timeZone).toBe('Asia/Vladivostok');
  // A save without it (an older form) keeps it; a refusal in the caller's language.
  expect((await marketer.shop.save.mutate(shop)).timeZone).toBe('Asia/Vladivostok');
  expect(await viewer.shop.get.query()).toMatchObject({ timeZone: 'Asia/Vladivostok', locale: 'sr-Latn', currency: 'RSD' });
  const [audit] = await db.sql`select actor_id, detail from audit_log where action = 'shop.save' and detail::text like '%Vladivostok%' order by id limit 1`;
  expect(audit.actor_id).toBe('u_m');
  expect((await marketer.shop.save.mutate({ ...shop, timeZone: 'UTC' })).timeZone).toBe('UTC');
});

it('puts the shop into emails: name, address and review links', async () => {
  const render = createJourneyEmailRenderer(db.sql, () => new Date('2026-03-01T00:00:00Z'));
  const cleo = { id: 'c1', email: 'c1@example.com', firstName: 'Cleo', lastName: null, timezone: 'UTC', birthday: null, attributes: {} };
  const trigger = { name: 'Order Completed', properties: { order_id: 'o1', products: [{ product_id: 'boot', name: 'Boot', price: 90 }] } };
  const body = `<mjml><mj-body><mj-section><mj-column><mj-text><span class="shop">{{ shop.name }} at {{ shop.url }}</span>
    {% for item in order.items %}<span class="rate">{{ item.reviewUrl }}</span>{% endfor %}</mj-text></mj-column></mj-section></mj-body></mjml>`;
  const mail = await render({ subject: 'From {{ shop.name }}', body }, cleo, trigger, { workspaceId: 'ws_s', versionId: 'v', context: {} });
  expect(mail.subject).toBe('From Trail & Co');
  expect(mail.html).toContain('<span class="shop">Trail &amp; Co at https://trail.example/shop</span>');
  expect(mail.html).toContain('<span class="rate">https://trail.example/shop/products/boot/review?order=o1</span>');
  // Only review links, no shop field: the address is still the shop's.
  const reviews = await render({ subject: 'Rate it', body: body.replace(/<span class="shop">[^]*?<\/span>/, '') }, cleo, trigger,
    { workspaceId: 'ws_s', versionId: 'v', context: {} });
  expect(reviews.html).toContain('https://trail.example/shop/products/boot/review?order=o1');
  // A workspace that never set it gets the default.
  await db.sql`insert into customers (workspace_id, id, email, first_name) values ('ws_other', 'c1', 'o@example.com', 'O')`;
  const other = await render({ subject: 'x', body }, cleo, trigger, { workspaceId: 'ws_other', versionId: 'v', context: {} });
  expect(other.html).toContain('Other at https://shop.example');
  // The editor's preview uses it too.
  const preview = await viewer.templates.preview.query({ subject: '{{ shop.url }}', preheader: '', body, customerId: 'c1' });
  expect(preview.ok && preview.email.subject).toBe('https://trail.example/shop');
});

it('lists the customer’s coupons on the customer page, open, redeemed or expired', async () => {
  await db.sql`insert into journeys (id, workspace_id, name, draft) values ('j_wb', 'ws_s', 'Win-back', '{}')`;
  const coupon = (code: string, expiresAt: Date, redeemed: string | null, createdAt: Date) => db.sql`
    insert into coupons (workspace_id, code, customer_id, journey_id, kind, value, description, expires_at, created_at, redeemed_at, redeemed_order_id)
    values ('ws_s', ${code}, 'c1', 'j_wb', 'percent', 10, '10% off your next order', ${expiresAt}, ${createdAt},
      ${redeemed ? clock.now() : null}, ${redeemed})`;
  await coupon('WB-OPEN', new Date('2026-07-20T00:00:00Z'), null, new Date('2026-06-30T00:00:00Z'));
  await coupon('WB-USED', new Date('2026-07-20T00:00:00Z'), 'o-77', new Date('2026-06-20T00:00:00Z'));
  await coupon('WB-OLD', new Date('2026-06-01T00:00:00Z'), null, new Date('2026-05-01T00:00:00Z'));
  const page = await viewer.customers.get.query({ id: 'c1' });
  expect(page.coupons.map((c) => [c.code, c.status, c.journeyName, c.redeemedOrderId])).toEqual([
    ['WB-OPEN', 'open', 'Win-back', null], ['WB-USED', 'redeemed', 'Win-back', 'o-77'], ['WB-OLD', 'expired', 'Win-back', null],
  ]);
  expect(page.coupons[0]).toMatchObject({ description: '10% off your next order', value: 10, expiresAt: '2026-07-20T00:00:00.000Z' });
});
