// Settings > Integrations through the whole server: a plugin service's settings saved by an
// admin (checked by the service's schema, a refused field named; the secret sealed at rest and
// never shown; a blank or masked secret kept, unless the URL it goes to changed), read back by
// the plugin's route opened, and the hook URLs to paste into the provider. Roles and audit too.
import { parseSecretKey, secretKeyId, type Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import { startAfterglow, type Afterglow } from '@afterglow/server';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, seedUser, signIn, type ApiClient } from './support/api-client';
import { createTestDatabase } from './support/db';
import { textingPlugin } from './support/test-plugin';

const clock = new ManualClock(new Date('2026-03-02T10:00:00Z'));
const MASK = '••••••••';
const TOKEN = 'tok-first-secret';
let database: Database;
let app: Afterglow;
let dataDir: string;
let owner: ApiClient;
let admin: ApiClient;
let developer: ApiClient;
let marketer: ApiClient;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'afterglow-integrations-'));
  app = await start();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_i', 'Shop', 's'), ('ws_other', 'Other', 's')`;
  const users = { owner: 'u_o', admin: 'u_a', developer: 'u_d', marketer: 'u_m' };
  for (const [role, id] of Object.entries(users)) await seedUser(database, { id, workspaceId: 'ws_i', email: `${role}@i.test`, password: `pw-${role}`, role });
  [owner, admin, developer, marketer] = await Promise.all(Object.keys(users).map((role) => signIn(app.url, `${role}@i.test`, `pw-${role}`)));
});

function start(keys: { secretKey?: Buffer; previousSecretKeys?: Buffer[] } = {}) {
  return startAfterglow({
    databaseUrl: database.url, dataDir, port: 0, smtpDevPort: 0, clock, plugins: [textingPlugin],
    webDistDir: path.join(dataDir, 'no-dist'), log: () => {}, ...keys,
  });
}

afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const stored = async () => (await database.sql`
  select settings, updated_by from service_settings where workspace_id = 'ws_i' and service_id = 'texting/gateway'`)[0];
const routeSettings = async (ws = 'ws_i') => (await (await fetch(`${app.url}/hooks/texting/${ws}/settings`)).json()).settings;
const values = (token: string, baseUrl = 'https://api.texting.example/v1') => ({ baseUrl, account: 'AC-1', token });

describe('integrations.list', () => {
  it('lists the service with its defaults, not configured, and the hook URLs of the workspace', async () => {
    const list = await developer.integrations.list.query();
    expect(list.services).toEqual([{
      id: 'texting/gateway', label: 'Texting gateway', pluginId: 'texting', configured: false,
      values: { baseUrl: 'https://api.texting.example' }, problem: null, updatedAt: null,
    }]);
    expect(list.hooks).toContainEqual({ pluginId: 'texting', method: 'POST', path: 'status', url: `${app.url}/hooks/texting/ws_i/status` });
    expect(list.hooks).toContainEqual({ pluginId: 'texting', method: 'POST', path: 'inbound', url: `${app.url}/hooks/texting/ws_i/inbound` });
    expect(list.hooks).toHaveLength(textingPlugin.routes!.length);
  });

  it('is for owners, admins and developers', async () => {
    expect((await errorOf(marketer.integrations.list.query())).code).toBe('FORBIDDEN');
    await owner.integrations.list.query();
    await admin.integrations.list.query();
  });
});

describe('integrations.save', () => {
  it('refuses a bad field with a 400 naming it, and an unknown service with a 404', async () => {
    const bad = await errorOf(admin.integrations.save.mutate({ id: 'texting/gateway', values: { ...values(TOKEN), baseUrl: 'not a url', token: 'short' } }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('values.baseUrl: Base URL must be a URL');
    expect(bad.data.issues).toEqual([
      { field: 'values.baseUrl', message: 'Base URL must be a URL such as https://api.example.com' },
      { field: 'values.token', message: 'Token must be at least 8 characters' },
    ]);
    expect(await stored()).toBeUndefined();
    expect((await errorOf(admin.integrations.save.mutate({ id: 'texting/nothing', values: {} }))).code).toBe('NOT_FOUND');
    // Nothing stored: a masked secret has nothing to stand for.
    const masked = await errorOf(admin.integrations.save.mutate({ id: 'texting/gateway', values: values(MASK) }));
    expect(masked).toMatchObject({ code: 'BAD_REQUEST', data: { field: 'values.token' } });
    expect(masked.message).toMatch(/nothing is stored/);
  });

  it('seals the secret, never shows it, and gives it to the plugin\'s route opened', async () => {
    const saved = await admin.integrations.save.mutate({ id: 'texting/gateway', values: values(TOKEN) });
    expect(saved).toMatchObject({ configured: true, values: values(MASK), problem: null });
    const row = await stored();
    expect(row.settings.token).toMatch(/^enc:v1:/);
    expect(JSON.stringify(row.settings)).not.toContain(TOKEN);
    expect(row.updated_by).toBe('u_a');
    const list = await owner.integrations.list.query();
    expect(list.services[0]).toMatchObject({ configured: true, values: values(MASK), updatedAt: clock.now().toISOString() });
    expect(JSON.stringify(list)).not.toContain(TOKEN);
    expect(await routeSettings()).toEqual(values(TOKEN));
    expect(await routeSettings('ws_other')).toBeNull();

    const [audit] = await database.sql`select target_id, detail from audit_log where action = 'integrations.save' and actor_id = 'u_a'`;
    expect(audit.target_id).toBe('texting/gateway');
    expect(JSON.stringify(audit.detail)).not.toContain(TOKEN);
  });

  it('keeps the stored secret when it comes back masked or blank, and replaces it when typed', async () => {
    await admin.integrations.save.mutate({ id: 'texting/gateway', values: { ...values(MASK), account: 'AC-2' } });
    expect(await routeSettings()).toEqual({ ...values(TOKEN), account: 'AC-2' });
    // Another path on the same origin is the same address.
    await owner.integrations.save.mutate({ id: 'texting/gateway', values: values('', 'https://api.texting.example/v2') });
    expect(await routeSettings()).toEqual(values(TOKEN, 'https://api.texting.example/v2'));

    await owner.integrations.save.mutate({ id: 'texting/gateway', values: values('tok-second-secret') });
    expect(await routeSettings()).toEqual(values('tok-second-secret'));
  });

  it('does not send a kept secret to another address: it must be typed again', async () => {
    for (const token of [MASK, '']) {
      const moved = await errorOf(admin.integrations.save.mutate({ id: 'texting/gateway', values: values(token, 'https://evil.example/v1') }));
      expect(moved).toMatchObject({ code: 'BAD_REQUEST', data: { field: 'values.token' } });
      expect(moved.message).toMatch(/values.token: cannot keep the hidden value, the address it goes to changed/);
    }
    expect(await routeSettings()).toEqual(values('tok-second-secret'));
  });

  it('is for owners and admins', async () => {
    expect((await errorOf(developer.integrations.save.mutate({ id: 'texting/gateway', values: values('tok-developer-1') }))).code).toBe('FORBIDDEN');
    expect((await errorOf(marketer.integrations.save.mutate({ id: 'texting/gateway', values: values('tok-marketer-1') }))).code).toBe('FORBIDDEN');
    expect(await routeSettings()).toEqual(values('tok-second-secret'));
  });
});

it('a new secret key re-seals the stored settings at start', async () => {
  const previous = parseSecretKey(readFileSync(path.join(dataDir, 'secret.key'), 'utf8'))!;
  const next = randomBytes(32);
  await app.close();
  app = await start({ secretKey: next, previousSecretKeys: [previous] });
  expect((await stored()).settings.token).toMatch(new RegExp(`^enc:v1:${secretKeyId(next)}:`));
  expect(await routeSettings()).toEqual(values('tok-second-secret'));
});
