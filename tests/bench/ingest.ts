// Ingestion throughput through real HTTP: concurrent keep-alive clients POST Segment
// batches (page views, identifies, orders with items) to the ingestion handler on
// 127.0.0.1, and every message is checked to be stored. Node's own http client is the
// load generator (like autocannon: fixed connections, each sending its next request as
// soon as the previous one is answered).
import { createIngestHandler, hashIngestKey } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createEngine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const KEY = 'ag_bench_ingest_key_0001';

export interface IngestFigures { eventsPerSecond: number; requestsPerSecond: number; stored: number; p50Ms: number; p99Ms: number }

// A catalogue of 500 products: the same product always carries the same data, as a shop sends it.
const product = (p: number) => ({ product_id: `p-${p}`, name: `Product ${p}`, price: 10 + (p % 40), quantity: 1, category: `Category ${p % 12}` });

function message(n: number, customers: number): Record<string, unknown> {
  const userId = `cust_${n % customers}`;
  const messageId = `bench-${n}`;
  const timestamp = new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();
  const kind = n % 10;
  if (kind === 0) return { type: 'identify', userId, messageId, timestamp, traits: { email: `${userId}@bench.test`, first_name: 'Bench' } };
  if (kind === 1) {
    return { type: 'track', userId, messageId, timestamp, event: 'Order Completed', properties: {
      order_id: `o-${n}`, total: 59.8, currency: 'EUR',
      products: [product(n % 500), product((n + 7) % 500)],
    } };
  }
  return { type: 'track', userId, messageId, timestamp, event: 'Product Viewed', properties: { product_id: `p-${n % 500}`, path: '/p/trail-runner' } };
}

function post(agent: http.Agent, port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, path: '/v1/batch', method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` },
    }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends `total` messages in batches of `batchSize` over `connections` keep-alive connections. */
export async function ingestThroughput(db: Database, opts: { total: number; batchSize: number; connections: number }): Promise<IngestFigures> {
  await db.sql`insert into workspaces (id, name, signing_secret) values ('ws_bench', 'Bench', 's') on conflict do nothing`;
  await db.sql`insert into ingest_keys (id, workspace_id, prefix, key_hash) values ('k_bench', 'ws_bench', 'ag_bench', ${hashIngestKey(KEY)}) on conflict do nothing`;
  const engine = createEngine({ database: db, registry: createRegistry() });
  const handler = createIngestHandler({
    database: db, clock: { now: () => new Date() },
    onEventsStored: (tx, events) => engine.enrolEvents(tx as unknown as Database['sql'], events),
    afterCommit: async () => {},
  });
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const bodies: string[] = [];
  for (let start = 0; start < opts.total; start += opts.batchSize) {
    const batch = Array.from({ length: Math.min(opts.batchSize, opts.total - start) }, (_, i) => message(start + i, Math.max(1, opts.total / 5)));
    bodies.push(JSON.stringify({ batch }));
  }
  const latencies: number[] = [];
  let next = 0;
  const failures: number[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: opts.connections }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const t0 = performance.now();
      const status = await post(agent, port, body);
      latencies.push(performance.now() - t0);
      if (status !== 200) failures.push(status);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  if (failures.length) throw new Error(`ingest bench: ${failures.length} requests failed (statuses ${[...new Set(failures)].join(', ')})`);
  const [{ stored }] = await db.sql<{ stored: number }[]>`select count(*)::int as stored from events where workspace_id = 'ws_bench'`;
  if (stored !== opts.total) throw new Error(`ingest bench: sent ${opts.total} messages but ${stored} are stored`);
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: opts.total / seconds, requestsPerSecond: bodies.length / seconds, stored,
    p50Ms: latencies[Math.floor(latencies.length * 0.5)], p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))],
  };
}
