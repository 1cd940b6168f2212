// The real app for the fuzz suite: startAfterglow on a test database with the demo seeded,
// serving HTTP only (role web: no background worker writes while the suite watches what each
// request writes), a tiny built web app to serve static files from, and what the fuzzed
// requests aim at: the owner's login, an ingestion key, a Shopify secret, one journey email
// really sent (the engine stepped and the outbox dispatched by hand) so recipient links and
// bounces find it, and a goal on the demo journey (Checkout Started), so events convert the
// runs that orders start.
import type { Database } from '@afterglow/db';
import { createMailer, dispatchDueEmails, signToken } from '@afterglow/email';
import { startAfterglow, type Afterglow } from '@afterglow/server';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { THANK_YOU_JOURNEY_ID } from '../../apps/server/src/seed/journey';
import { setRelayCredential } from '../../packages/api/src/bounces/providers/settings';
import { createTestDatabase } from '../support/db';
import type { Examples } from './json-schema';
import { TEST_SECRET_KEY } from '../support/secrets';

export const SHOPIFY_SECRET = 'fuzz-shopify-secret';
/** The Postmark webhook password of the demo workspace, so relay bodies get past authentication. */
export const POSTMARK_PASSWORD = 'fuzz-postmark-password';

export interface Sent {
  customerId: string;
  outboxId: string;
  messageId: string;
  /** How many tracked links the email has (click tokens name one by index). */
  links: number;
}

export interface FuzzApp {
  app: Afterglow;
  database: Database;
  workspaceId: string;
  owner: { email: string; password: string };
  ingestKey: string;
  sent: Sent;
  /** Valid tokens of every kind for the sent email and its recipient. */
  tokens: { u: string; p: string; o: string; c: string[] };
  /** Real values by property name, for tRPC inputs (see json-schema.ts). */
  examples: Examples;
  /** What the server logged (a 500's stack is logged under its request id). */
  log: string[];
  close(): Promise<void>;
}

function builtWebApp(dir: string): string {
  const dist = path.join(dir, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Afterglow</title><script src="/assets/app.js"></script>');
  writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("afterglow");');
  return dist;
}

async function sendOneJourneyEmail(app: Afterglow, database: Database, ingestKey: string): Promise<Sent> {
  const [customer] = await database.sql<{ id: string }[]>`
    select id from customers where workspace_id = ${app.demo!.workspaceId} and email is not null and marketing_consent order by id limit 1`;
  const res = await fetch(`${app.url}/v1/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${ingestKey}:`).toString('base64')}` },
    body: JSON.stringify({ userId: customer.id, event: 'Order Completed', messageId: 'fuzz-setup-order', properties: { order_id: 'fuzz-1', total: 20 } }),
  });
  if (res.status !== 200) throw new Error(`setup order was refused: ${res.status} ${await res.text()}`);
  await app.engine.advanceUntilIdle();
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${app.smtpDevPort}` });
  await dispatchDueEmails({ sql: database.sql, secrets: database.secrets, mailer, now: new Date(), publicUrl: () => app.url });
  mailer.close();
  const [row] = await database.sql<{ id: string; messageId: string; links: number }[]>`
    select o.id, o.message_id as "messageId", (select count(*)::int from email_links l where l.outbox_id = o.id) as links
    from email_outbox o where o.customer_id = ${customer.id} and o.status = 'sent' order by o.created_at limit 1`;
  if (!row) throw new Error('setup: the demo journey sent no email');
  return { customerId: customer.id, outboxId: row.id, messageId: row.messageId, links: row.links };
}

/** As the owner would through the app: the demo journey's goal set, and published. */
async function setGoal(app: Afterglow, event: string): Promise<void> {
  const call = (path: string, input: unknown, cookie = '') => fetch(`${app.url}/trpc/${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(input),
  });
  const login = await call('auth.login', { email: app.demo!.email, password: app.demo!.password });
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  for (const res of [
    await call('journeys.saveSettings', { id: THANK_YOU_JOURNEY_ID, settings: { goal: { event } } }, cookie),
    await call('journeys.publish', { id: THANK_YOU_JOURNEY_ID }, cookie),
  ]) if (res.status !== 200) throw new Error(`setup: setting the goal failed: ${res.status} ${await res.text()}`);
}

async function examplesOf(database: Database, workspaceId: string, sent: Sent): Promise<Examples> {
  const ids = await database.sql<{ kind: string; id: string; value: unknown }[]>`
    select 'journey' as kind, id, draft as value from journeys where workspace_id = ${workspaceId}
    union all select 'version', id, null from journey_versions where workspace_id = ${workspaceId}
    union all select 'template', id, null from email_templates where workspace_id = ${workspaceId}
    union all select 'segment', id, rule from segments where workspace_id = ${workspaceId}
    union all (select 'customer', id, null from customers where workspace_id = ${workspaceId} order by id limit 5)`;
  const of = (kind: string) => ids.filter((r) => r.kind === kind);
  const anyId = ids.map((r) => r.id);
  return {
    id: [...anyId, sent.outboxId], versionId: of('version').map((r) => r.id), templateId: of('template').map((r) => r.id),
    customerId: of('customer').map((r) => r.id), draft: of('journey').map((r) => r.value), rule: of('segment').map((r) => r.value),
    segmentId: of('segment').map((r) => r.id), nodeId: ['trigger', 'thank_you_email', 'grant_points'],
  };
}

export async function startFuzzApp(): Promise<FuzzApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-fuzz-'));
  const logged: string[] = [];
  const app = await startAfterglow({
    databaseUrl: database.url, dataDir, port: 0, smtpDevPort: 0, seed: true, role: 'web', secretKey: TEST_SECRET_KEY,
    shopifyWebhookSecret: SHOPIFY_SECRET, webDistDir: builtWebApp(dataDir), log: (line) => logged.push(line),
  });
  const demo = app.demo!;
  const sent = await sendOneJourneyEmail(app, database, demo.ingestKey);
  await setGoal(app, 'Checkout Started');
  await setRelayCredential(database, app.demo!.workspaceId, { provider: 'postmark', password: POSTMARK_PASSWORD }, new Date());
  const [{ secret }] = await database.sql<{ secret: string }[]>`select signing_secret as secret from workspaces where id = ${demo.workspaceId}`;
  const w = demo.workspaceId;
  return {
    app, database, workspaceId: w, owner: { email: demo.email, password: demo.password }, ingestKey: demo.ingestKey, sent,
    tokens: {
      u: signToken(secret, { t: 'u', w, c: sent.customerId, o: sent.outboxId }),
      p: signToken(secret, { t: 'p', w, c: sent.customerId }),
      o: signToken(secret, { t: 'o', w, o: sent.outboxId }),
      c: Array.from({ length: sent.links + 1 }, (_, i) => signToken(secret, { t: 'c', w, o: sent.outboxId, i })),
    },
    examples: await examplesOf(database, w, sent),
    log: logged,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
