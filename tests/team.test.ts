// A team sharing one shop, over real HTTP on a real database: invitations by email (through
// the outbox) that expire, roles that change and end sessions, removal, the rules that keep a
// workspace with an owner, and publish approval with the diff and the emails it sends.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { ManualClock } from '@afterglow/engine';
import type { JourneyGraph } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, signIn, startApiServer, type ApiClient, type ApiServer, unusedTemplateSandbox } from './support/api-client';
import { createTestDatabase } from './support/db';

const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
let database: Database;
let server: ApiServer;
let owner: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.sql`insert into workspaces (id, name, signing_secret) values ('ws_t', 'Trail Shop', 's'), ('ws_x', 'Other', 's')`;
  await seedUser(database, { id: 'u_owner', workspaceId: 'ws_t', email: 'owner@t.test', password: 'pw-owner', role: 'owner' });
  await seedUser(database, { id: 'u_admin', workspaceId: 'ws_t', email: 'admin@t.test', password: 'pw-admin', role: 'admin' });
  await seedUser(database, { id: 'u_x', workspaceId: 'ws_x', email: 'x@x.test', password: 'pw-x', role: 'owner' });
  const deps: ApiDeps = {
    templateSandbox: unusedTemplateSandbox, database, registry: createRegistry(), clock, publicUrl: () => 'https://glow.example',
    engine: { stats: async () => ({}) as never, wake: async () => {}, retryFailed: async () => 0 },
  };
  server = await startApiServer(deps);
  owner = await signIn(server.url, 'owner@t.test', 'pw-owner');
  admin = await signIn(server.url, 'admin@t.test', 'pw-admin');
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

/** The token of the newest invitation link emailed to the address, read from the outbox. */
async function linkSentTo(address: string): Promise<string> {
  const [mail] = await database.sql<{ text: string; kind: string }[]>`
    select text, kind from email_outbox where to_address = ${address} order by created_at desc, id desc limit 1`;
  expect(mail.kind).toBe('transactional');
  return /https:\/\/glow\.example\/invite\/([\w-]+)/.exec(mail.text)![1];
}

describe('invitations', () => {
  it('invites by email; the invitee chooses a password and is signed in with the role', async () => {
    await admin.users.invite.mutate({ email: 'Mia@T.test', role: 'marketer' });
    const token = await linkSentTo('mia@t.test');
    const [invitation] = await database.sql`select subject, text from email_outbox where to_address = 'mia@t.test'`;
    expect(invitation.text).toContain('on Afterglow as a marketer.');
    expect(invitation.text).toContain('The link works for 7 days.');
    // An inviter who reads the app in Slovenian invites in Slovenian.
    await owner.auth.setLocale.mutate({ locale: 'sl' });
    await owner.users.invite.mutate({ email: 'ana@t.test', role: 'viewer' });
    await owner.auth.setLocale.mutate({ locale: 'en' });
    const [slovenian] = await database.sql`select subject, text, locale from email_outbox where to_address = 'ana@t.test'`;
    expect(slovenian.locale).toBe('sl');
    expect(slovenian.text).toContain('Trail Shop v Afterglowu z vlogo opazovalca.');
    expect(slovenian.text).toContain('Povezava velja 7 dni.');
    const visitor = apiClient(server.url).trpc;
    expect(await visitor.invitations.lookup.query({ token })).toEqual({
      email: 'mia@t.test', role: 'marketer', workspaceName: 'Trail Shop', state: 'open',
    });
    const short = await errorOf(visitor.invitations.accept.mutate({ token, name: 'Mia', password: 'short' }));
    expect(short.data.issues).toContainEqual({ field: 'password', message: 'Choose a password of at least 10 characters' });
    const mia = await visitor.invitations.accept.mutate({ token, name: 'Mia', password: 'a long passphrase' });
    expect(mia).toMatchObject({ email: 'mia@t.test', role: 'marketer', workspaceId: 'ws_t' });
    expect((await visitor.auth.me.query())?.email).toBe('mia@t.test');
    expect((await errorOf(apiClient(server.url).trpc.invitations.accept.mutate({ token, name: 'Eve', password: 'another long one' }))).code)
      .toBe('CONFLICT');
    expect((await owner.users.list.query()).members.map((m) => m.email)).toContain('mia@t.test');
    const [audit] = await database.sql`select actor_email from audit_log where action = 'invitations.accept'`;
    expect(audit.actor_email).toBe('mia@t.test');
  });

  it('expires a link after a week, replaces it on resend, and refuses it once revoked', async () => {
    const { id } = await owner.users.invite.mutate({ email: 'leo@t.test', role: 'viewer' });
    const first = await linkSentTo('leo@t.test');
    clock.advance(8 * 86_400_000);
    // A week without a request ended every session (12 hours idle): sign in again.
    owner = await signIn(server.url, 'owner@t.test', 'pw-owner');
    admin = await signIn(server.url, 'admin@t.test', 'pw-admin');
    const visitor = apiClient(server.url).trpc;
    expect((await visitor.invitations.lookup.query({ token: first })).state).toBe('expired');
    expect((await errorOf(visitor.invitations.accept.mutate({ token: first, name: 'Leo', password: 'a long passphrase' }))).message)
      .toContain('expired');
    await owner.users.resendInvitation.mutate({ id });
    const second = await linkSentTo('leo@t.test');
    expect(second).not.toBe(first);
    expect((await errorOf(visitor.invitations.lookup.query({ token: first }))).code).toBe('NOT_FOUND');
    await owner.users.revokeInvitation.mutate({ id });
    expect((await visitor.invitations.lookup.query({ token: second })).state).toBe('used');
    expect((await owner.users.list.query()).invitations.map((i) => i.email)).not.toContain('leo@t.test');
  });

  it('refuses an address that has an account, and an admin inviting an owner', async () => {
    expect((await errorOf(owner.users.invite.mutate({ email: 'x@x.test', role: 'viewer' }))).code).toBe('CONFLICT');
    expect((await errorOf(admin.users.invite.mutate({ email: 'boss@t.test', role: 'owner' }))).data.field).toBe('role');
    expect((await errorOf(owner.users.invite.mutate({ email: 'not an address', role: 'viewer' }))).data.issues[0].field).toBe('email');
  });
});

describe('roles and removal', () => {
  it('ends the sessions of a user whose role changes or who is removed', async () => {
    await seedUser(database, { id: 'u_dev', workspaceId: 'ws_t', email: 'dev@t.test', password: 'pw-dev', role: 'developer' });
    const dev = await signIn(server.url, 'dev@t.test', 'pw-dev');
    expect((await dev.auth.me.query())?.role).toBe('developer');
    await admin.users.changeRole.mutate({ userId: 'u_dev', role: 'manager' });
    expect(await dev.auth.me.query()).toBeNull();
    const again = await signIn(server.url, 'dev@t.test', 'pw-dev');
    expect((await again.auth.me.query())?.role).toBe('manager');
    await owner.users.remove.mutate({ userId: 'u_dev' });
    expect(await again.auth.me.query()).toBeNull();
    expect((await errorOf(signIn(server.url, 'dev@t.test', 'pw-dev'))).code).toBe('UNAUTHORIZED');
  });

  it('keeps an owner: nobody changes themselves, admins cannot touch owners, other workspaces are out of reach', async () => {
    expect((await errorOf(owner.users.remove.mutate({ userId: 'u_owner' }))).data.field).toBe('userId');
    expect((await errorOf(admin.users.changeRole.mutate({ userId: 'u_owner', role: 'viewer' }))).message).toContain('Only an owner');
    expect((await errorOf(admin.users.changeRole.mutate({ userId: 'u_admin', role: 'owner' }))).message).toContain('yourself');
    expect((await errorOf(owner.users.remove.mutate({ userId: 'u_x' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(owner.users.changeRole.mutate({ userId: 'u_admin', role: 'wizard' as never }))).data.issues[0].field).toBe('role');
  });
});

const at = { x: 0, y: 0 };
const graph = (points: number): JourneyGraph => ({
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: '' } },
    { id: 'points', type: 'core/grant-points', position: at, config: { amount: points, reason: 'Thanks' } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'points' }],
});

describe('publish approval', () => {
  it('turns a marketer publish into a request that a manager approves, publishing exactly what was asked', async () => {
    await seedUser(database, { id: 'u_mark', workspaceId: 'ws_t', email: 'mark@t.test', password: 'pw-mark', role: 'marketer' });
    await seedUser(database, { id: 'u_mgr', workspaceId: 'ws_t', email: 'mgr@t.test', password: 'pw-mgr', role: 'manager' });
    const marketer = await signIn(server.url, 'mark@t.test', 'pw-mark');
    const manager = await signIn(server.url, 'mgr@t.test', 'pw-mgr');
    expect((await errorOf(marketer.approvals.saveSettings.mutate({ publishApproval: true }))).code).toBe('FORBIDDEN');
    await admin.approvals.saveSettings.mutate({ publishApproval: true });

    const { id } = await marketer.journeys.create.mutate({ name: 'Points for orders' });
    await marketer.journeys.saveDraft.mutate({ id, draft: graph(50) });
    expect((await errorOf(marketer.journeys.publish.mutate({ id }))).data.field).toBe('approval');
    const asked = await marketer.approvals.request.mutate({ journeyId: id });
    if (!asked.ok) throw new Error('request refused');
    const told = await database.sql`select to_address from email_outbox where subject like 'Approve publishing%' order by to_address`;
    expect(told.map((r) => r.to_address)).toEqual(['admin@t.test', 'mgr@t.test', 'owner@t.test']);

    // Edited after asking: the approval still publishes the snapshot of 50 points.
    await marketer.journeys.saveDraft.mutate({ id, draft: graph(5000) });
    const request = await manager.approvals.get.query({ id: asked.requestId });
    expect(request.diff.added.map((n) => n.id)).toEqual(['trigger', 'points']);
    expect((await errorOf(marketer.approvals.decide.mutate({ id: asked.requestId, approve: true }))).code).toBe('FORBIDDEN');
    const published = await manager.approvals.decide.mutate({ id: asked.requestId, approve: true, comment: 'Looks right' });
    expect(published).toMatchObject({ ok: true, version: 1 });
    const [version] = await database.sql`select graph, published_by from journey_versions where journey_id = ${id}`;
    expect(version.graph.nodes[1].config.amount).toBe(50);
    expect(version.published_by).toBe('u_mark');
    const [mail] = await database.sql`select subject, text from email_outbox where to_address = 'mark@t.test'`;
    expect(mail.subject).toBe('“Points for orders” was approved');
    expect(mail.text).toContain('Looks right');
    expect((await errorOf(manager.approvals.decide.mutate({ id: asked.requestId, approve: false }))).code).toBe('CONFLICT');

    // The next request shows the change from the live version; a rejection publishes nothing.
    const next = await marketer.approvals.request.mutate({ journeyId: id });
    if (!next.ok) throw new Error('request refused');
    const diff = (await owner.approvals.get.query({ id: next.requestId })).diff;
    expect(diff.changed).toEqual([{ id: 'points', type: 'core/grant-points', typeChanged: false, fields: [{ field: 'amount', before: 50, after: 5000 }] }]);
    // The marketer reads the app in Russian: the verdict comes in Russian.
    await marketer.auth.setLocale.mutate({ locale: 'ru' });
    await owner.approvals.decide.mutate({ id: next.requestId, approve: false, comment: 'Too generous' });
    const verdicts = await database.sql`select subject, text, locale from email_outbox where to_address = 'mark@t.test' order by locale`;
    expect(verdicts.map((m) => [m.subject, m.locale])).toEqual([['“Points for orders” was approved', 'en'], ['Публикация «Points for orders» отклонена', 'ru']]);
    const rejected = verdicts[1];
    expect(rejected.text).toContain('Комментарий: Too generous');
    expect((await database.sql`select 1 from journey_versions where journey_id = ${id}`).length).toBe(1);
    expect((await owner.approvals.list.query({ status: 'decided' })).map((r) => r.status)).toEqual(['rejected', 'approved']);
    // Owners and admins publish directly, approval or not.
    expect(await owner.journeys.publish.mutate({ id })).toMatchObject({ ok: true, version: 2 });
  });

  it('refuses a request for a draft that could not be published, naming the step', async () => {
    const marketer = await signIn(server.url, 'mark@t.test', 'pw-mark');
    const { id } = await marketer.journeys.create.mutate({ name: 'Broken' });
    const broken = graph(50);
    broken.nodes[1].config = { amount: -3, reason: '' };
    await marketer.journeys.saveDraft.mutate({ id, draft: broken });
    const refused = await marketer.approvals.request.mutate({ journeyId: id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.map((i) => i.nodeId)).toContain('points');
  });
});
