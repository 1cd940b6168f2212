// Engagement per saved template, summed over every journey that sends it: emails really sent
// through the engine and SMTP, then opened (machine opens counted only when the workspace
// says so), clicked, bounced and unsubscribed from, each email once.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import { createMailer, createTemplateSandbox, recordEmailEvents, type EmailEventType, type Mailer } from '@afterglow/email';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, seedUser, startApiServer, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';
import { startTestSmtpSink, type TestSmtpSink } from './support/smtp-sink';

const registry = createRegistry();
const WS = 'ws_tstats';
const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
const at = { x: 0, y: 0 };
const mjml = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>';
const templateSandbox = createTemplateSandbox();
let db: Database;
let sink: TestSmtpSink;
let mailer: Mailer;
let server: ApiServer;

const sending = (event: string, templateId: string): JourneyGraph => ({
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: at, config: { event, filters: [], entryKeyProperty: '' } },
    { id: 'mail', type: 'core/send-email', position: at, config: { templateId, subject: 'unused', preheader: '', body: mjml, kind: 'marketing' } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'mail' }],
});

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startTestSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url });
  await seedWorkspace(db, WS, ['ann', 'ben', 'cat'].map((id) => ({ id, email: `${id}@example.com`, firstName: id })), clock.now());
  await seedUser(db, { id: 'u_v', workspaceId: WS, email: 'v@t.test', password: 'pw-v', role: 'viewer' });
  const before = new Date(clock.now().getTime() - 60_000);
  for (const id of ['tpl_winback', 'tpl_other']) {
    await db.sql`insert into email_templates (id, workspace_id, name, created_at, updated_at) values (${id}, ${WS}, ${id}, ${before}, ${before})`;
    await db.sql`insert into email_template_versions (workspace_id, template_id, version, subject, body, created_at)
      values (${WS}, ${id}, 1, 'We miss you', ${mjml}, ${before})`;
  }
  const engine = createEngine({ database: db, registry, clock, mailer });
  server = await startApiServer({ database: db, registry, clock, engine, templateSandbox });
  // Two journeys send the win-back template, a third another one.
  await publishGraph(db, registry, WS, 'j_lapsed', sending('Lapsed', 'tpl_winback'));
  await publishGraph(db, registry, WS, 'j_churn', sending('Churn risk', 'tpl_winback'));
  await publishGraph(db, registry, WS, 'j_other', sending('Lapsed', 'tpl_other'));
  const enter = (customerId: string, name: string) => ({ workspaceId: WS, customerId, name, properties: {}, timestamp: clock.now() });
  await ingestEvents(db, engine.enrolEvents, [enter('ann', 'Lapsed'), enter('ben', 'Lapsed'), enter('cat', 'Churn risk')]);
  await engine.advanceUntilIdle();
});

afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  mailer?.close();
  await sink?.close();
  await db?.close();
});

it('sums sent, opened, clicked, bounced and unsubscribed over the journeys that send a template', async () => {
  expect(sink.messages).toHaveLength(5); // ann and ben twice (two Lapsed journeys), cat once
  const sent = await db.sql<{ id: string; customer_id: string; journey_id: string; version_id: string; node_id: string }[]>`
    select id, customer_id, journey_id, version_id, node_id from email_outbox where status = 'sent'`;
  const mail = (customer: string, journey: string) => sent.find((m) => m.customer_id === customer && m.journey_id === journey)!;
  const event = (m: (typeof sent)[number], type: EmailEventType, bot = false) =>
    db.sql.begin((tx) => recordEmailEvents(tx, [{ workspaceId: WS, outboxId: m.id, type, bot, at: clock.now() }]));
  await event(mail('ann', 'j_lapsed'), 'open');
  await event(mail('ann', 'j_lapsed'), 'open'); // the same email opened again counts once
  await event(mail('cat', 'j_churn'), 'open');
  await event(mail('ben', 'j_lapsed'), 'open', true); // a scanner's prefetch
  await event(mail('cat', 'j_churn'), 'click');
  await event(mail('ben', 'j_lapsed'), 'unsubscribe');
  await event(mail('ann', 'j_other'), 'bounce');

  const viewer = apiClient(server.url).trpc;
  await viewer.auth.login.mutate({ email: 'v@t.test', password: 'pw-v' });
  expect(await viewer.compliance.templateStats.query()).toEqual({
    tpl_winback: { sent: 3, opens: 2, clicks: 1, bounces: 0, unsubscribes: 1, complaints: 0 },
    tpl_other: { sent: 2, opens: 0, clicks: 0, bounces: 1, unsubscribes: 0, complaints: 0 },
  });

  // "Count machine opens" on: the scanner's open of ben's email counts, on the template and the canvas.
  const lapsed = mail('ben', 'j_lapsed').version_id;
  const canvasOpens = async () => (await viewer.journeys.stats.query({ versionId: lapsed })).nodes.mail.counters.opens;
  expect(await canvasOpens()).toBe(1);
  await db.sql`update workspaces set settings = settings || '{"countMachineOpens": true}' where id = ${WS}`;
  expect((await viewer.compliance.templateStats.query()).tpl_winback.opens).toBe(3);
  expect(await canvasOpens()).toBe(2);
  await db.sql`update workspaces set settings = settings || '{"countMachineOpens": false}' where id = ${WS}`;
  expect((await viewer.compliance.templateStats.query()).tpl_winback.opens).toBe(2);
  expect(await canvasOpens()).toBe(1);
});
