// Journey settings, sending rules and limits, and retrying failed runs through the tRPC API.
import type { Database } from '@afterglow/db';
import { createTemplateSandbox } from '@afterglow/email';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './support/db';
import { errorOf, seedUser, signIn, startApiServer, type ApiClient, type ApiServer } from './support/api-client';
import { ingestEvents, publishGraph } from './support/journeys';

const registry = createRegistry();
const clock = new ManualClock(new Date('2026-07-01T10:00:00Z'));
const at = { x: 0, y: 0 };
const templateSandbox = createTemplateSandbox();
let db: Database;
let engine: Engine;
let server: ApiServer;
let owner: ApiClient;
let marketer: ApiClient;
let viewer: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret) values ('ws_s', 'Shop', 's'), ('ws_other', 'Other', 's')`;
  await db.sql`insert into customers (workspace_id, id, email, first_name) values ('ws_s', 'c1', 'c1@example.com', 'C')`;
  await seedUser(db, { id: 'u_o', workspaceId: 'ws_s', email: 'o@s.test', password: 'pw-o', role: 'owner' });
  await seedUser(db, { id: 'u_m', workspaceId: 'ws_s', email: 'm@s.test', password: 'pw-m', role: 'marketer' });
  await seedUser(db, { id: 'u_v', workspaceId: 'ws_s', email: 'v@s.test', password: 'pw-v', role: 'viewer' });
  await seedUser(db, { id: 'u_a', workspaceId: 'ws_s', email: 'a@s.test', password: 'pw-a', role: 'admin' });
  engine = createEngine({ database: db, registry, clock });
  server = await startApiServer({ database: db, registry, clock, engine, templateSandbox });
  owner = await signIn(server.url, 'o@s.test', 'pw-o');
  marketer = await signIn(server.url, 'm@s.test', 'pw-m');
  viewer = await signIn(server.url, 'v@s.test', 'pw-v');
  admin = await signIn(server.url, 'a@s.test', 'pw-a');
});

afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  await db?.close();
});

it('saves journey settings, validates them, and publishes them into the plan', async () => {
  const { id } = await marketer.journeys.create.mutate({ name: 'Win-back' });
  const bad = await errorOf(marketer.journeys.saveSettings.mutate({ id, settings: { reentry: { mode: 'cooldown', days: 0 }, goal: null } }));
  expect(bad.code).toBe('BAD_REQUEST');
  expect(JSON.stringify(bad.data)).toContain('days');
  expect((await errorOf(viewer.journeys.saveSettings.mutate({ id, settings: { reentry: { mode: 'once' }, goal: null } }))).code).toBe('FORBIDDEN');

  const settings = { reentry: { mode: 'cooldown' as const, days: 30 }, goal: { event: 'Order Completed', matchTriggerProperty: '' } };
  await marketer.journeys.saveSettings.mutate({ id, settings });
  // Settings saved without an attribution window or holdout get the defaults (an order within 5 days, lift over 30, no one held out).
  const saved = { ...settings, attribution: { conversion: 'order', windowDays: 5, liftDays: 30 }, holdout: { percent: 0 } };
  expect((await marketer.journeys.get.query({ id })).settings).toEqual(saved);

  const journey = await marketer.journeys.get.query({ id });
  const draft = structuredClone(journey.draft);
  draft.nodes[0].config = { event: 'Churn risk', filters: [], entryKeyProperty: '' };
  draft.nodes.push({ id: 'p', type: 'core/grant-points', position: at, config: { amount: 5, reason: 'Come back' } });
  draft.edges.push({ id: 'e', source: draft.nodes[0].id, sourceHandle: 'out', target: 'p' });
  await marketer.journeys.saveDraft.mutate({ id, draft });
  const published = await marketer.journeys.publish.mutate({ id });
  expect(published.ok).toBe(true);
  const [version] = await db.sql`select plan from journey_versions where journey_id = ${id}`;
  expect(version.plan.settings).toEqual(saved);
});

const rules = {
  frequencyCap: { enabled: true, maxEmails: 1, perDays: 7 }, quietHours: { enabled: true, startHour: 22, endHour: 7 }, countMachineOpens: true,
};

it('keeps the workspace sending rules, refusing bad hours with the field named', async () => {
  // Before anything is saved: the defaults (600 emails a minute, machine opens not counted, no approved test addresses).
  expect(await viewer.sending.get.query()).toMatchObject({ emailsPerMinute: 600, countMachineOpens: false, testRecipients: [] });
  expect(await marketer.sending.save.mutate(rules)).toEqual({ ...rules, emailsPerMinute: 600, testRecipients: [] });
  expect(await viewer.sending.get.query()).toEqual({ ...rules, emailsPerMinute: 600, testRecipients: [] });
  const bad = await errorOf(marketer.sending.save.mutate({ ...rules, quietHours: { enabled: true, startHour: 25, endHour: 7 } }));
  expect(bad.code).toBe('BAD_REQUEST');
  expect(JSON.stringify(bad.data)).toContain('startHour');
});

it('keeps the sending limits (send rate, approved test recipients) for owners and admins, refusing bad values with the field named', async () => {
  const limits = { emailsPerMinute: 120, testRecipients: [' Team@Shop.test', 'agency@example.com', 'team@shop.test'] };
  expect(await owner.settings.sendingLimits.save.mutate(limits))
    .toEqual({ ...rules, emailsPerMinute: 120, testRecipients: ['team@shop.test', 'agency@example.com'] });
  for (const emailsPerMinute of [-1, 2.5, 100_001]) {
    const refused = await errorOf(owner.settings.sendingLimits.save.mutate({ ...limits, emailsPerMinute }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.data.issues.map((i: { field: string }) => i.field)).toEqual(['emailsPerMinute']);
  }
  const refused = await errorOf(owner.settings.sendingLimits.save.mutate({ ...limits, testRecipients: ['ok@shop.test', 'not an address'] }));
  expect(refused.code).toBe('BAD_REQUEST');
  expect(refused.data.issues).toEqual([{ field: 'testRecipients.1', message: 'Each test recipient must be an email address, such as team@yourshop.com' }]);

  // Marketers change neither: the limits are refused, and sending.save leaves them as they are.
  expect((await errorOf(marketer.settings.sendingLimits.save.mutate({ emailsPerMinute: 0, testRecipients: [] }))).code).toBe('FORBIDDEN');
  const withLimit: typeof rules = { ...rules, ...{ emailsPerMinute: 0, testRecipients: ['me@anywhere.test'] } };
  await marketer.sending.save.mutate(withLimit);
  expect(await viewer.sending.get.query()).toMatchObject({ emailsPerMinute: 120, testRecipients: ['team@shop.test', 'agency@example.com'] });

  // Admins change them as owners do.
  expect(await admin.settings.sendingLimits.save.mutate({ emailsPerMinute: 0, testRecipients: [] })).toMatchObject({ emailsPerMinute: 0, testRecipients: [] });
  const [other] = await db.sql`select settings from workspaces where id = 'ws_other'`;
  expect(other.settings).toEqual({});
});

it('retries failed runs from the step where they failed', async () => {
  const versionId = await publishGraph(db, registry, 'ws_s', 'j_fail', {
    nodes: [
      { id: 't', type: 'core/trigger-event', position: at, config: { event: 'Signed up', filters: [], entryKeyProperty: '' } },
      { id: 'vip', type: 'core/segment-condition', position: at, config: { segmentId: 'seg_later' } },
    ],
    edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'vip' }],
  });
  await ingestEvents(db, engine.enrolEvents, [{ workspaceId: 'ws_s', customerId: 'c1', name: 'Signed up', properties: {}, timestamp: clock.now() }]);
  await engine.advanceUntilIdle();
  const stats = await marketer.journeys.stats.query({ versionId });
  expect(stats.nodes.vip.failed).toBe(1);

  // The missing segment is created; the failed run is retried and now passes.
  await db.sql`insert into segments (id, workspace_id, name, rule) values ('seg_later', 'ws_s', 'All', ${db.sql.json({ kind: 'group', op: 'and', rules: [] })})`;
  expect(await marketer.journeys.retryFailed.mutate({ versionId, nodeId: 'vip' })).toEqual({ retried: 1 });
  await engine.advanceUntilIdle();
  const after = await marketer.journeys.stats.query({ versionId });
  expect(after.nodes.vip.failed).toBe(0);
  expect(after.nodes.vip.branches).toEqual({ yes: 1 });
  expect((await errorOf(viewer.journeys.retryFailed.mutate({ versionId }))).code).toBe('FORBIDDEN');
});
