// /metrics over real HTTP: after an order ingested through /v1/track and walked by the
// server's own worker to an email accepted by the development SMTP sink, the counters of
// ingestion, stepping, sweeps and delivery have moved, and the queue depths are read.
import type { Database } from '@afterglow/db';
import { startAfterglow, type Afterglow } from '@afterglow/server';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';

let database: Database;
let app: Afterglow;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-metrics-'));
  app = await startAfterglow({ databaseUrl: database.url, dataDir, port: 0, smtpDevPort: 0, seed: true,
    webDistDir: path.join(dataDir, 'no-dist'), log: () => {} });
});

afterAll(async () => {
  await app?.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const scrape = async () => {
  const res = await fetch(`http://127.0.0.1:${app.port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};

/** A sample's value (the sum of its lines when labels are left out), or null when absent. */
function sample(text: string, name: string, labels = ''): number | null {
  const lines = text.split('\n').filter((l) => l.startsWith(labels ? `${name}{${labels}` : `${name} `) || (!labels && l.startsWith(`${name}{`)));
  return lines.length === 0 ? null : lines.reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

/** Polls until `probe` returns a value (the worker runs in the background); no timing is asserted. */
async function eventually<T>(probe: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Gave up waiting for ${what}`);
}

describe('/metrics', () => {
  it('counts ingestion, steps, sweeps and sent email after an order walks the seeded journey', async () => {
    const before = await scrape();
    expect(sample(before, 'afterglow_events_ingested_total', 'source="api"')).toBeNull();
    expect(sample(before, 'process_cpu_user_seconds_total')).not.toBeNull();
    expect(sample(before, 'nodejs_eventloop_lag_seconds')).not.toBeNull();
    expect(sample(before, 'afterglow_queue_depths_up')).toBe(1);

    const res = await fetch(`${app.url}/v1/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${app.demo!.ingestKey}:`).toString('base64')}` },
      body: JSON.stringify({ userId: 'cust_0001', event: 'Order Completed', messageId: 'metrics-test-1',
        properties: { order_id: 'metrics-1', total: 89.95, currency: 'EUR', products: [{ product_id: 'prod_0001', name: 'Red Star Home Jersey', price: 89.95, quantity: 1 }] } }),
    });
    expect(res.status).toBe(200);

    const after = await eventually(async () => {
      const text = await scrape();
      return (sample(text, 'afterglow_emails_total', 'outcome="sent"') ?? 0) >= 1 ? text : null;
    }, 'the thank-you email counted as sent');
    expect(sample(after, 'afterglow_events_ingested_total', 'source="api"')).toBe(1);
    expect(sample(after, 'afterglow_steps_total')).toBeGreaterThan(0);
    expect(sample(after, 'afterglow_sweep_duration_seconds_count')).toBeGreaterThan(0);
    expect(sample(after, 'afterglow_emails_total', 'outcome="failed"')).toBeNull();
    // The depths are read at the scrape: the email has gone, and nothing else was due.
    expect(sample(after, 'afterglow_email_outbox_pending')).toBe(0);
    expect(sample(after, 'afterglow_runs_due')).toBeGreaterThanOrEqual(0);
    expect(after).toContain('# TYPE afterglow_service_effects_pending gauge');
  });

  it('refuses a scrape through a proxy without a token, and other methods', async () => {
    const proxied = await fetch(`http://127.0.0.1:${app.port}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(403);
    expect((await proxied.json()).error).toContain('AFTERGLOW_METRICS_TOKEN');
    expect((await fetch(`http://127.0.0.1:${app.port}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});
