// A real HTTP server running the ingestion handler on a fresh test database, recording
// what the handler hands on; shared by the ingestion test files.
import type { Database } from '@afterglow/db';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIngestHandler, hashIngestKey, type IngestedEvent } from '../packages/api/src/ingest/index';
import { createTestDatabase } from './support/db';

export const KEY = 'ag_test_live_key';
export const REVOKED_KEY = 'ag_test_revoked_key';
export const NOW = new Date('2025-06-01T10:00:00Z');

export interface IngestHarness {
  database: Database;
  base: string;
  /** Each onEventsStored call's events, in order. */
  stored: IngestedEvent[][];
  commits: number;
  /** When set, the next onEventsStored throws (to prove the transaction rolls back). */
  failNextStore: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the response body of whichever route was posted to.
  post(path: string, body: unknown, opts?: { key?: string | null; raw?: string; method?: string }): Promise<{ status: number; json: any }>;
  counts(): Promise<{ events: number; customers: number }>;
  reset(): void;
  close(): Promise<void>;
}

export const basicAuth = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

export async function startIngestHarness(): Promise<IngestHarness> {
  const database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_a', 'Shop A', 'secret')`;
  await database.sql`insert into ingest_keys (id, workspace_id, prefix, key_hash) values ('k1', 'ws_a', 'ag_test', ${hashIngestKey(KEY)})`;
  await database.sql`insert into ingest_keys (id, workspace_id, prefix, key_hash, revoked_at)
    values ('k2', 'ws_a', 'ag_test', ${hashIngestKey(REVOKED_KEY)}, now())`;

  const harness = { database, stored: [], commits: 0, failNextStore: false } as unknown as IngestHarness;
  const handler = createIngestHandler({
    database,
    clock: { now: () => NOW },
    onEventsStored: async (tx, events) => {
      // The callback runs inside the ingestion transaction: it already sees the new rows.
      const [{ n }] = await tx<{ n: number }[]>`
        select count(*)::int as n from events where message_id in ${tx(events.map((e) => e.messageId))}`;
      if (n !== events.length) throw new Error(`onEventsStored saw ${n} of ${events.length} events`);
      harness.stored.push(events);
      if (harness.failNextStore) {
        harness.failNextStore = false;
        throw new Error('enrolment failed');
      }
    },
    afterCommit: async () => { harness.commits++; },
  });
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return Object.assign(harness, {
    base,
    async post(path: string, body: unknown, opts: { key?: string | null; raw?: string; method?: string } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const key = opts.key === undefined ? KEY : opts.key;
      if (key) headers.authorization = basicAuth(key);
      const res = await fetch(base + path, {
        method: opts.method ?? 'POST', headers,
        body: opts.method === 'GET' ? undefined : opts.raw ?? JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
    async counts() {
      const [row] = await database.sql<{ events: number; customers: number }[]>`
        select (select count(*)::int from events) as events, (select count(*)::int from customers) as customers`;
      return row;
    },
    reset() { harness.stored = []; harness.commits = 0; harness.failNextStore = false; },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  });
}
