// Webhook calls delivered by the service dispatcher alone (service core/webhook), on rows
// queued as a step queues them: the connection goes to the address the guard checked (not to a
// second DNS answer), redirects are not followed, 429 and timeouts are retried, and the retries
// end in a visible failure.
import type { Database } from '@afterglow/db';
import { dispatchDueServiceEffects, writeServiceEffects, type ServiceDispatchOptions } from '@afterglow/engine';
import { mapConfigSecrets } from '@afterglow/journey-core';
import { createRegistry, webhookService } from '@afterglow/nodes';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { capturingLogger } from './support/logs';

const now = new Date('2026-06-01T12:00:00Z');
const MAX_ATTEMPTS = 8;
const registry = createRegistry();
let db: Database;
let port = 0;
const seen: IncomingMessage[] = [];
const server = createServer((req, res) => {
  seen.push(req);
  req.resume();
  if (req.url === '/moved') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
  else if (req.url === '/busy') res.writeHead(429).end('slow down');
  else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end(), 2_000);
  else res.writeHead(200).end('ok');
});

let seq = 0;
async function queue(url: string): Promise<string> {
  const key = `run_${++seq}:hook`;
  const payload = { url, method: 'PUT', headers: [{ name: 'X-Test', value: '1' }], body: '{"hello":"world"}' };
  await writeServiceEffects(db.sql, new Map([[key, {
    workspace_id: 'ws_dispatch', service_id: 'core/webhook', effect_key: key, run_id: '00000000-0000-0000-0000-000000000001',
    journey_id: 'j', version_id: 'v', node_id: 'hook', customer_id: 'c', marketing: false,
    payload: mapConfigSecrets({ config: webhookService.payload }, payload, (v) => db.secrets.seal(v)),
    next_attempt_at: now.toISOString(), created_at: now.toISOString(),
  }]]));
  return key;
}
const rowOf = async (key: string) => (await db.sql`select * from service_effects where effect_key = ${key}`)[0];
const dispatch = (opts: Partial<ServiceDispatchOptions> = {}) => dispatchDueServiceEffects({
  sql: db.sql, secrets: db.secrets, registry, now, publicUrl: () => 'https://afterglow.test', allowPrivate: true, log: capturingLogger([]), ...opts });

beforeAll(async () => {
  db = await createTestDatabase();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db?.close();
});

describe('webhook calls through the service dispatcher', () => {
  it('connects to the checked address, keeping the URL’s host name', async () => {
    const key = await queue(`http://hooks.example.test:${port}/in`);
    // A name no DNS knows: only the guard's answer can have brought the request here.
    const resolve = async (host: string) => (host === 'hooks.example.test' ? [{ address: '127.0.0.1', family: 4 as const }] : []);
    expect(await dispatch({ resolve })).toEqual({ delivered: 1, accepted: 0, retried: 0, failed: 0 });
    const req = seen.at(-1)!;
    expect([req.method, req.url, req.headers.host, req.headers['x-test'], req.headers['idempotency-key']])
      .toEqual(['PUT', '/in', `hooks.example.test:${port}`, '1', key]);
    expect(await rowOf(key)).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });
  });

  it('does not follow a redirect', async () => {
    const key = await queue(`http://127.0.0.1:${port}/moved`);
    const before = seen.length;
    await dispatch();
    expect(seen.length).toBe(before + 1);
    expect(await rowOf(key)).toMatchObject({ status: 'failed',
      last_error: '302: redirect to http://169.254.169.254/latest/meta-data/ not followed; use the final address' });
  });

  it('retries 429 and timeouts, then fails after the last attempt', async () => {
    const busy = await queue(`http://127.0.0.1:${port}/busy`);
    const slow = await queue(`http://127.0.0.1:${port}/slow`);
    await dispatch({ fetchTimeoutMs: 300, random: () => 1 });
    expect(await rowOf(busy)).toMatchObject({ status: 'pending', attempts: 1, last_error: '429: slow down' });
    expect(await rowOf(slow)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'network error: no answer within 0.3 s' });
    expect((await rowOf(busy)).next_attempt_at).toEqual(new Date(now.getTime() + 30_000)); // random() = 1: the full 30 s
    await db.sql`update service_effects set attempts = ${MAX_ATTEMPTS - 1}, next_attempt_at = ${now} where effect_key = ${busy}`;
    await dispatch({ now: new Date(now.getTime() + 60_000), fetchTimeoutMs: 300 });
    expect(await rowOf(busy)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS,
      last_error: `gave up after ${MAX_ATTEMPTS} attempts: 429: slow down` });
  });
});
