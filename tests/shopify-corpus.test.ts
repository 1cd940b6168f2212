// Every webhook body of the Shopify corpus (tests/fixtures/shopify/corpus: Shopify's own
// fixtures and sample payloads of four eras), sent byte for byte under the topic cases.json
// names: each is acknowledged (Shopify drops a subscription after 48 hours of refusals),
// nulls where a date might be expected and guest orders with "email": "" included.
import type { Database } from '@afterglow/db';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestedEvent } from '../packages/api/src/ingest/index';
import { setShopifyConnection } from '../packages/api/src/shopify/index';
import { createTestDatabase } from './support/db';
import { startShopifyReceiver } from './support/shopify';
import { shopifySender } from './support/shopify-send';

const SECRET = 'shpss_corpus_secret';
const NOW = new Date('2025-06-01T10:00:00Z');
const dir = path.join(import.meta.dirname, 'fixtures/shopify/corpus');
const corpus = (file: string) => readFileSync(path.join(dir, file.replace(/^shopify\//, '')), 'utf8');
const { cases } = JSON.parse(corpus('cases.json')) as { cases: Array<{ id: string; topic: string; file: string; note: string }> };

let database: Database;
let receiver: Awaited<ReturnType<typeof startShopifyReceiver>>;
let send: ReturnType<typeof shopifySender>;
const stored: IngestedEvent[][] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_c', 'Shop C', 's')`;
  await setShopifyConnection(database, 'ws_c', SECRET, null, NOW);
  receiver = await startShopifyReceiver(database, NOW, stored);
  send = shopifySender(receiver.url, SECRET);
});
afterAll(async () => {
  await receiver?.close();
  await database.close();
});

const sendCase = (id: string) => {
  const c = cases.find((x) => x.id === id);
  if (!c) throw new Error(`no corpus case ${id}`);
  return send({ topic: c.topic, id: `corpus-${c.id}`, raw: corpus(c.file) });
};

describe('the Shopify corpus', () => {
  for (const c of cases) {
    it(`${c.id} (${c.topic}${c.note ? `: ${c.note}` : ''}) is acknowledged`, async () => {
      const res = await sendCase(c.id);
      expect(res.json.error, JSON.stringify(res.json.issues)).toBeUndefined();
      expect(res.status).toBe(200);
    });
  }
});

describe('what the samples leave out or round', () => {
  it('a 64-bit id rounded past 2^53 on the way is stored as its admin_graphql_api_id says, digit for digit', async () => {
    const [o] = await database.sql`select id, customer_id from orders where workspace_id = 'ws_c' and id like '8209829119461545%'`;
    expect({ ...o }).toEqual({ id: '820982911946154508', customer_id: '115310627314723954' });
  });

  it("an order's customer with updated_at null is stored as of the order's date", async () => {
    const [c] = await database.sql`select email, source_updated_at from customers where workspace_id = 'ws_c' and id = '115310627314723954'`;
    expect({ ...c }).toEqual({ email: 'john@example.com', source_updated_at: new Date('2021-12-31T19:00:00-05:00') });
  });

  it('guest orders with "email": "" belong to a profile without an email, named after the order', async () => {
    const rows = await database.sql`select o.id, o.customer_id, c.email from orders o
      join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
      where o.workspace_id = 'ws_c' and o.id in ('1073459963', '1073459966', '1073459976') order by o.id`;
    expect(rows.map((r) => ({ ...r }))).toEqual(['1073459963', '1073459966', '1073459976']
      .map((id) => ({ id, customer_id: `shopify-order-${id}`, email: null })));
  });
});
