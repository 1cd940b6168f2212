// A rig for the compliance tests: a migrated database with one workspace and a published
// journey (a marketing email, then a transactional one), the engine with a manual clock and
// no mailer (so tests dispatch explicitly), the real HTTP front door with the recipients'
// endpoints mounted, and a real SMTP sink.
import { createBounceWebhookHandler, createPublicHandler, hashIngestKey } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createMailer, dispatchDueEmails, type Mailer } from '@afterglow/email';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequestListener } from '../../apps/server/src/http';
import { createProcessLogger } from '../../apps/server/src/logger';
import { createTestDatabase } from './db';
import { ingestEvents, publishGraph, seedWorkspace, type FixtureCustomer } from './journeys';
import { startTestSmtpSink, type TestSmtpSink } from './smtp-sink';

export const WS = 'ws_comply';
/** The workspace's ingestion key: authenticates POST /webhooks/bounces. */
export const INGEST_KEY = 'ag_test_comply_key';
const at = { x: 0, y: 0 };

/** Links of every kind a template author might write; only the two https ones are tracked. */
export const MARKETING_BODY = `<mjml><mj-body><mj-section><mj-column>
  <mj-text>Hi {{ customer.firstName }}, thanks for order {{ order.id }}.
    <a href="https://shop.example/p/trail-runner?utm=mail&amp;ref=1">See your shoes</a>
    <a href="mailto:help@shop.example">Write to us</a>
    <a href="//evil.example/x">protocol-relative</a>
    <a href="javascript:alert(1)">script</a>
    <a href="%2F%2Fevil.example">encoded</a>
    <a href="\\\\evil.example">backslashes</a>
  </mj-text>
  <mj-button href="https://shop.example/blog">Read the blog</mj-button>
</mj-column></mj-section></mj-body></mjml>`;

const TRANSACTIONAL_BODY = `<mjml><mj-body><mj-section><mj-column>
  <mj-text>Order {{ order.id }} is confirmed. <a href="https://shop.example/orders">Track it</a></mj-text>
</mj-column></mj-section></mj-body></mjml>`;

function graph(): JourneyGraph {
  return {
    nodes: [
      { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: 'order_id' } },
      { id: 'mail', type: 'core/send-email', position: at, config: { subject: 'Thanks, {{ customer.firstName }}', preheader: '', body: MARKETING_BODY, kind: 'marketing', topic: 'offers' } },
      { id: 'receipt', type: 'core/send-email', position: at, config: { subject: 'Order {{ order.id }}', preheader: '', body: TRANSACTIONAL_BODY, kind: 'transactional' } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'mail' },
      { id: 'e2', source: 'mail', sourceHandle: 'out', target: 'receipt' },
    ],
  };
}

export interface Rig {
  db: Database; clock: ManualClock; base: string; engine: Engine; sink: TestSmtpSink; mailer: Mailer; versionId: string;
  /** Ingests an order for the customer and steps the engine (emails stay queued). */
  order(customerId: string, orderId: string): Promise<void>;
  dispatch(mailer?: Mailer): ReturnType<typeof dispatchDueEmails>;
  close(): Promise<void>;
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/** `routes.relays` mounts the relays' bounce webhooks (/webhooks/bounces/<relay>) on the front door. */
export async function startRig(customers: FixtureCustomer[], routes: { relays?: (db: Database, clock: ManualClock) => Route } = {}): Promise<Rig> {
  const db = await createTestDatabase();
  const clock = new ManualClock(new Date('2026-05-04T09:00:00Z'));
  const registry = createRegistry();
  const webDir = mkdtempSync(path.join(os.tmpdir(), 'ag-comply-'));
  let base = '';
  const notHere = async (_req: http.IncomingMessage, res: http.ServerResponse) => void res.writeHead(404).end();
  const server = http.createServer(createRequestListener({
    database: db, trpc: notHere, ingest: notHere, webDistDir: webDir, log: createProcessLogger({ write: (line) => console.error(line) }),
    recipients: createPublicHandler({ database: db, clock, publicUrl: () => base }),
    bounces: createBounceWebhookHandler({ database: db, clock }),
    relays: routes.relays?.(db, clock),
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const engine = createEngine({ database: db, registry, clock, publicUrl: () => base });
  const sink = await startTestSmtpSink();
  const mailer = createMailer({ smtpUrl: sink.url });
  await seedWorkspace(db, WS, customers, clock.now());
  await db.sql`insert into ingest_keys (id, workspace_id, prefix, key_hash, label)
    values ('key_comply', ${WS}, 'ag_test', ${hashIngestKey(INGEST_KEY)}, 'bounces')`;
  const versionId = await publishGraph(db, registry, WS, 'j_comply', graph());
  return {
    db, clock, base, engine, sink, mailer, versionId,
    async order(customerId, orderId) {
      clock.advance(60_000); // each order at its own time, so "the latest step" is well defined
      await ingestEvents(db, engine.enrolEvents, [{
        workspaceId: WS, customerId, name: 'Order Completed', timestamp: clock.now(),
        properties: { order_id: orderId, total: 40, currency: 'EUR', products: [] },
      }]);
      await engine.advanceUntilIdle();
    },
    dispatch: (other) => dispatchDueEmails({ sql: db.sql, secrets: db.secrets, mailer: other ?? mailer, now: clock.now(), publicUrl: () => base }),
    async close() {
      mailer.close();
      await sink.close();
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
      await db.close();
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}

/** A header as sent (unfolded), from mailparser's raw header lines. */
export function rawHeader(mail: { headerLines: ReadonlyArray<{ key: string; line: string }> }, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}

/** GET with the path sent byte for byte (fetch would normalise "..", "//" and backslashes). */
export function rawRequest(base: string, pathAndQuery: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  const url = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: pathAndQuery, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
