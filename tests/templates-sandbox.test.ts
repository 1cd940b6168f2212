// A viewer cannot stall the server: the whole server (HTTP, tRPC, the engine's workers)
// with hostile previews in flight still answers /healthz and other tRPC calls, the
// previews are stopped at the sandbox's time limit with a 400 naming the email body, and
// the sandbox then renders the next template as before.
import type { Database } from '@afterglow/db';
import { DEMO_WORKSPACE_ID, startAfterglow, type Afterglow } from '@afterglow/server';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorOf, seedUser, signIn, type ApiClient } from './support/api-client';
import { createTestDatabase } from './support/db';

const TIME_LIMIT_MS = 2_000; // the sandbox's default, which the server uses
let database: Database;
let app: Afterglow;
let dataDir: string;
let viewers: ApiClient[];

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-sandbox-'));
  app = await startAfterglow({
    databaseUrl: database.url, dataDir, port: 0, smtpDevPort: 0, seed: true, webDistDir: path.join(dataDir, 'no-dist'), log: () => {},
  });
  await seedUser(database, { id: 'u_viewer', workspaceId: DEMO_WORKSPACE_ID, email: 'viewer@demo.shop', password: 'viewer-pw', role: 'viewer' });
  // One client per call: calls of one client made together would share one batched request.
  viewers = await Promise.all([1, 2, 3].map(() => signIn(app.url, 'viewer@demo.shop', 'viewer-pw')));
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const mjml = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
// A billion passes over one small array (ranges count against Liquid's memory limit; passes do not).
const hostile = mjml('{% assign a = (1..1000) %}{% for i in a %}{% for j in a %}{% for k in a %}.{% endfor %}{% endfor %}{% endfor %}');
const good = mjml('Hi {{ customer.firstName }}');

it('keeps answering while hostile previews run, stops them with a 400, and renders the next template', async () => {
  const [customer] = await viewers[0].templates.previewCustomers.query();
  const preview = (client: ApiClient, body: string) => client.templates.preview.query({ subject: 'Hello', preheader: '', body, customerId: customer.id });
  // The first preview starts the sandbox's thread; the hostile ones then start at once.
  expect(await preview(viewers[0], good)).toMatchObject({ ok: true, email: { subject: 'Hello' } });

  const started = performance.now();
  let settled = 0;
  let firstSettledMs = Infinity;
  const attacks = viewers.slice(1).map((client) => errorOf(preview(client, hostile)).finally(() => {
    settled++;
    firstSettledMs = Math.min(firstSettledMs, performance.now() - started);
  }));

  // Probes while both are in flight: in-process rendering would hold each probe until a render ended.
  for (let probe = 0; probe < 3; probe++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect((await viewers[0].templates.starters.query()).length).toBeGreaterThan(0);
    expect(settled).toBe(0);
  }

  for (const refused of await Promise.all(attacks)) {
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.data.httpStatus).toBe(400);
    expect(refused.data.field).toBe('body');
    expect(refused.message).toBe('The email body took longer than 2 s to render and was stopped: look for loops over large ranges');
  }
  // Stopped at the limit, not after Liquid's own 2 s per render (the subject, then the body twice).
  expect(firstSettledMs).toBeLessThan(2 * TIME_LIMIT_MS);

  // The stopped thread was replaced: the sandbox renders again.
  expect(await preview(viewers[0], good)).toMatchObject({ ok: true, email: { subject: 'Hello' } });
});
