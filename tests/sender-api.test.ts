// Sender identity through the real tRPC API: the workspace default (owners and admins) and a
// template's own sender (marketers), addresses validated with the field named in the caller's
// language, other workspaces' templates not found, every change audit-logged.
import type { Database } from '@afterglow/db';
import { createTemplateSandbox } from '@afterglow/email';
import { createEngine, ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorOf, seedUser, signIn, startApiServer, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';

const registry = createRegistry();
const clock = new ManualClock(new Date('2026-07-01T10:00:00Z'));
const templateSandbox = createTemplateSandbox();
let db: Database;
let server: ApiServer;
let owner: ApiClient;
let marketer: ApiClient;
let viewer: ApiClient;
let outsider: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`insert into workspaces (id, name, signing_secret) values ('ws_s', 'Shop', 's'), ('ws_x', 'Other', 's')`;
  await seedUser(db, { id: 'u_o', workspaceId: 'ws_s', email: 'o@s.test', password: 'pw-o', role: 'owner' });
  await seedUser(db, { id: 'u_m', workspaceId: 'ws_s', email: 'm@s.test', password: 'pw-m', role: 'marketer' });
  await seedUser(db, { id: 'u_v', workspaceId: 'ws_s', email: 'v@s.test', password: 'pw-v', role: 'viewer' });
  await seedUser(db, { id: 'u_x', workspaceId: 'ws_x', email: 'x@x.test', password: 'pw-x', role: 'owner' });
  const engine = createEngine({ database: db, registry, clock });
  server = await startApiServer({ database: db, registry, clock, engine, templateSandbox });
  owner = await signIn(server.url, 'o@s.test', 'pw-o');
  marketer = await signIn(server.url, 'm@s.test', 'pw-m');
  viewer = await signIn(server.url, 'v@s.test', 'pw-v');
  outsider = await signIn(server.url, 'x@x.test', 'pw-x');
});

afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  await db?.close();
});

const fieldsOf = (error: { data: { issues?: { field: string }[] } }) => error.data.issues?.map((i) => i.field);

it('keeps the workspace sender for owners and admins, refusing bad addresses with the field named', async () => {
  expect(await viewer.sender.settings.query()).toEqual({ fromName: '', fromAddress: '', replyTo: '' });
  const sender = { fromName: 'Sjaj', fromAddress: 'shop@sjaj.example', replyTo: 'help@sjaj.example' };
  expect(await owner.sender.saveSettings.mutate(sender)).toEqual(sender);
  expect(await marketer.sender.settings.query()).toEqual(sender);
  expect((await errorOf(marketer.sender.saveSettings.mutate(sender))).code).toBe('FORBIDDEN');

  const badFrom = await errorOf(owner.sender.saveSettings.mutate({ ...sender, fromAddress: 'not an address' }));
  expect(badFrom.code).toBe('BAD_REQUEST');
  expect(fieldsOf(badFrom)).toEqual(['fromAddress']);
  expect(fieldsOf(await errorOf(owner.sender.saveSettings.mutate({ ...sender, replyTo: 'help@' })))).toEqual(['replyTo']);
  // A name goes between quotes in the From header: no quotes, brackets or line breaks.
  for (const fromName of ['Sjaj" <evil@x.test>', 'Sjaj\r\nBcc: evil@x.test']) {
    expect(fieldsOf(await errorOf(owner.sender.saveSettings.mutate({ ...sender, fromName })))).toEqual(['fromName']);
  }
  expect(fieldsOf(await errorOf(owner.sender.saveSettings.mutate({ fromName: 'Sjaj', fromAddress: '', replyTo: '' })))).toEqual(['fromAddress']);
  // Said in the caller's language.
  await owner.auth.setLocale.mutate({ locale: 'sl' });
  const inSlovene = await errorOf(owner.sender.saveSettings.mutate({ ...sender, replyTo: 'x' }));
  expect(inSlovene.data.issues).toEqual([{ field: 'replyTo', message: 'replyTo mora biti e-poštni naslov, npr. help@example.com' }]);
  await owner.auth.setLocale.mutate({ locale: 'en' });
  expect(await owner.sender.settings.query()).toEqual(sender);
});

it('keeps a template’s own sender for marketers, cleared with null, never across workspaces', async () => {
  const created = await marketer.templates.create.mutate({ name: 'Club news' });
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  const { id } = created;
  expect(await viewer.templates.sender.query({ id })).toBeNull();
  const own = { fromName: 'Boot Club', fromAddress: 'club@sjaj.example', replyTo: '' };
  expect(await marketer.templates.saveSender.mutate({ id, sender: own })).toEqual({ sender: own });
  expect(await viewer.templates.sender.query({ id })).toEqual(own);
  expect((await errorOf(viewer.templates.saveSender.mutate({ id, sender: own }))).code).toBe('FORBIDDEN');
  expect(fieldsOf(await errorOf(marketer.templates.saveSender.mutate({ id, sender: { ...own, fromAddress: 'club' } })))).toEqual(['sender.fromAddress']);
  expect((await errorOf(outsider.templates.saveSender.mutate({ id, sender: own }))).code).toBe('NOT_FOUND');
  expect((await errorOf(outsider.templates.sender.query({ id }))).code).toBe('NOT_FOUND');
  expect(await marketer.templates.saveSender.mutate({ id, sender: null })).toEqual({ sender: null });
  expect(await marketer.templates.sender.query({ id })).toBeNull();

  const audited = await db.sql<{ action: string; actor: string }[]>`
    select action, actor_email as actor from audit_log where workspace_id = 'ws_s' and action in ('sender.saveSettings', 'templates.saveSender') order by at, action`;
  expect(audited.map((a) => `${a.action} ${a.actor}`)).toEqual(['sender.saveSettings o@s.test', 'templates.saveSender m@s.test', 'templates.saveSender m@s.test']);
});
