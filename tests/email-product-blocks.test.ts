// The editors' product blocks rendered with real data: "Bought together" lists the products most
// often in the same orders as the customer's last order's items (counted in SQL over every order
// of the shop, never those items themselves), most frequent first; "Reviewed product" shows the
// product a review email is about: in the editor's preview (a real customer, their latest order
// standing in as the trigger) the order's first item, and for a Review Submitted the product
// reviewed, read from the stored order with its picture and review link.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { createJourneyEmailRenderer, createTemplateSandbox } from '@afterglow/email';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailBlocks } from '../apps/web/src/templates/visual/blocks';
import { seedUser, signIn, startApiServer, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const clock = new ManualClock(new Date('2026-05-04T08:00:00Z'));
const templateSandbox = createTemplateSandbox();
let database: Database;
let server: ApiServer;
let marketer: ApiClient;

// The blocks as the editors insert them (their words are catalogue keys here).
const blocks = emailBlocks(((key: string) => key) as unknown as Parameters<typeof emailBlocks>[0]);
const block = (id: string) => blocks.find((b) => b.id === id)!.content;
const body = `<mjml><mj-body>${block('together')}${block('reviewed')}</mj-body></mjml>`;

const PRODUCTS = [['boot', 'Hiking boot'], ['wax', 'Boot wax'], ['socks', 'Wool socks'], ['laces', 'Red laces'], ['tent', 'Dome tent']];
// Other customers' orders: wax goes with the boot or the laces three times, socks once; the tent never.
const ORDERS: [string, string, string, string[]][] = [
  ['o1', 'c_b', '2026-02-01', ['boot', 'wax']], ['o2', 'c_c', '2026-02-02', ['boot', 'wax']], ['o3', 'c_b', '2026-02-03', ['boot', 'socks']],
  ['o4', 'c_c', '2026-02-04', ['laces', 'wax']], ['o5', 'c_c', '2026-02-05', ['tent']],
  ['o_ana1', 'ana', '2026-01-10', ['tent']], ['o_ana2', 'ana', '2026-04-20', ['boot', 'laces']],
];

beforeAll(async () => {
  database = await createTestDatabase();
  const { sql } = database;
  await sql`insert into workspaces (id, name, signing_secret, settings) values ('ws_p', 'Trail Shop', 's', ${sql.json({ shop: { url: 'https://trail.test' } })})`;
  await sql`insert into customers (workspace_id, id, email, first_name) values
    ('ws_p', 'ana', 'ana@example.com', 'Ana'), ('ws_p', 'c_b', 'b@example.com', 'Bo'), ('ws_p', 'c_c', 'c@example.com', 'Cy')`;
  for (const [id, name] of PRODUCTS) {
    await sql`insert into products (workspace_id, id, name, price, url, image_url)
      values ('ws_p', ${id}, ${name}, 10, ${`https://trail.test/p/${id}`}, ${`https://trail.test/img/${id}.jpg`})`;
  }
  for (const [id, customer, day, items] of ORDERS) {
    await sql`insert into orders (workspace_id, id, customer_id, total, placed_at) values ('ws_p', ${id}, ${customer}, ${10 * items.length}, ${`${day}T10:00:00Z`})`;
    for (const [line, product] of items.entries()) {
      const name = PRODUCTS.find(([p]) => p === product)![1];
      await sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, price, quantity)
        values ('ws_p', ${id}, ${line}, ${customer}, ${product}, ${name}, 10, 1)`;
    }
  }
  await seedUser(database, { id: 'u_m', workspaceId: 'ws_p', email: 'm@p.test', password: 'pw-m', role: 'marketer' });
  const deps: ApiDeps = {
    database, registry: createRegistry(), clock, templateSandbox,
    engine: { stats: async () => ({}) as never, wake: async () => {}, retryFailed: async () => 0 },
  };
  server = await startApiServer(deps);
  marketer = await signIn(server.url, 'm@p.test', 'pw-m');
}, 60_000);

afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  await database?.close();
});

/** The product names in the HTML, in the order they appear (each once). */
const namesIn = (html: string) => PRODUCTS.map(([, name]) => [name, html.indexOf(name)] as const)
  .filter(([, at]) => at >= 0).sort((a, b) => a[1] - b[1]).map(([name]) => name);

/** Where the <img> of a product's picture starts (its alt, the name, comes before its src). */
const pictureAt = (html: string, product: string) => html.lastIndexOf('<img', html.indexOf(`https://trail.test/img/${product}.jpg`));

describe('product blocks', () => {
  it('pass the template check as the editors insert them', async () => {
    const result = await marketer.templates.preview.query({ subject: 'Hi', preheader: '', body, customerId: 'ana' });
    expect(result.issues).toEqual([]);
  });

  it('preview with a real customer: bought together with their last order, and its first item to review', async () => {
    const result = await marketer.templates.preview.query({ subject: 'Hi', preheader: '', body, customerId: 'ana' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { html } = result.email;
    // The recommendations come first; the reviewed product starts at the boot's picture (no recommendation has it).
    const reviewedAt = pictureAt(html, 'boot');
    expect(namesIn(html.slice(0, reviewedAt))).toEqual(['Boot wax', 'Wool socks']);
    expect(namesIn(html.slice(reviewedAt))).toEqual(['Hiking boot']);
    expect(html).not.toContain('Dome tent');
    expect(html).toContain('https://trail.test/products/boot/review?order=o_ana2');
  });

  it('a Review Submitted shows the product reviewed, from the stored order', async () => {
    const render = createJourneyEmailRenderer(database.sql, () => clock.now());
    const customer = { id: 'ana', email: 'ana@example.com', firstName: 'Ana', lastName: null, timezone: 'UTC', birthday: null, attributes: {} };
    const email = await render({ subject: 'Thanks', body }, customer,
      { name: 'Review Submitted', properties: { order_id: 'o_ana2', product_id: 'laces', rating: 2 } },
      { workspaceId: 'ws_p', versionId: 'v1', context: {} });
    const reviewed = email.html.slice(pictureAt(email.html, 'laces'));
    expect(namesIn(reviewed)).toEqual(['Red laces']);
    expect(reviewed).toContain('https://trail.test/products/laces/review?order=o_ana2');
    expect(namesIn(email.html.slice(0, pictureAt(email.html, 'laces')))).toEqual(['Boot wax', 'Wool socks']);
  });
});
