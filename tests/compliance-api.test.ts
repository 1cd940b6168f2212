// The Settings page's consent and suppressions over tRPC: counts, the suppression list with
// search, the latest consent ledger entries, and lifting a suppression (editors only), after
// which the engine emails the address again.
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, seedUser, startApiServer, type ApiServer, signIn as signInAs } from './support/api-client';
import { rawRequest, startRig, WS, type Rig } from './support/compliance';
import { publishGraph } from './support/journeys';
import { createTemplateSandbox, recordEmailEvents, type EmailEventType } from '@afterglow/email';

const templateSandbox = createTemplateSandbox();
let rig: Rig;
let server: ApiServer;

beforeAll(async () => {
  rig = await startRig([
    { id: 'ada', email: 'ada@example.com', firstName: 'Ada' },
    { id: 'bob', email: 'Bob@Example.com', firstName: 'Bob' },
  ]);
  server = await startApiServer({ database: rig.db, registry: createRegistry(), clock: rig.clock, engine: rig.engine, templateSandbox });
  await seedUser(rig.db, { id: 'u_m', workspaceId: WS, email: 'marketer@shop.test', password: 'marketer-pass-1', role: 'marketer' });
  await seedUser(rig.db, { id: 'u_v', workspaceId: WS, email: 'viewer@shop.test', password: 'viewer-pass-1', role: 'viewer' });
  await seedUser(rig.db, { id: 'u_a', workspaceId: WS, email: 'admin@shop.test', password: 'admin-pass-1', role: 'admin' });
  const at = rig.clock.now();
  await rig.db.sql`insert into workspaces (id, name, signing_secret) values ('ws_other', 'Other', 'x')`;
  await rig.db.sql`insert into email_suppressions (workspace_id, address, reason, detail, created_at) values
    (${WS}, 'bob@example.com', 'hard_bounce', '550 5.1.1 No such user', ${at}),
    (${WS}, 'old_100%@example.com', 'hard_bounce', '550 gone', ${new Date(at.getTime() - 86400e3)}),
    ('ws_other', 'elsewhere@example.com', 'hard_bounce', '550', ${at})`;
  await rig.db.sql`insert into customers (workspace_id, id, email, marketing_consent) values (${WS}, 'nell', 'nell@example.com', false)`;
  await rig.order('ada', 'o-1');
  await rig.dispatch(); // renders the email: its List-Unsubscribe header is what Ada clicks
  const [row] = await rig.db.sql`select headers from email_outbox where customer_id = 'ada' and node_id = 'mail'`;
  await rawRequest(rig.base, new URL(String(row.headers['List-Unsubscribe']).slice(1, -1)).pathname, {}, 'POST', 'List-Unsubscribe=One-Click');
});
afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  await rig?.close();
});

const signIn = (email: string, password: string) => signInAs(server.url, email, password);

describe('compliance over tRPC', () => {
  it('shows counts, this workspace\'s suppressions (searchable) and the latest consent changes', async () => {
    const viewer = await signIn('viewer@shop.test', 'viewer-pass-1');
    const all = await viewer.compliance.overview.query();
    // Ada unsubscribed here (the ledger says so); Nell came without consent: both get no marketing, only Ada "unsubscribed".
    expect(all).toMatchObject({ withoutConsent: 2, unsubscribed: 1, suppressed: 2 });
    expect(all.suppressions.map((s) => s.address)).toEqual(['bob@example.com', 'old_100%@example.com']);
    expect(all.suppressions[0]).toMatchObject({ reason: 'hard_bounce', detail: '550 5.1.1 No such user' });
    expect(all.ledger).toEqual([expect.objectContaining({ customerId: 'ada', email: 'ada@example.com', action: 'opt_out', topic: null, source: 'one_click' })]);
    // LIKE wildcards in the search are literal characters.
    expect((await viewer.compliance.overview.query({ search: '100%' })).suppressions.map((s) => s.address)).toEqual(['old_100%@example.com']);
    expect((await viewer.compliance.overview.query({ search: '_' })).suppressions.map((s) => s.address)).toEqual(['old_100%@example.com']);
    expect((await viewer.compliance.overview.query({ search: 'elsewhere' })).suppressions).toEqual([]);
  });

  it('lets an admin lift a suppression, after which the address is emailed again', async () => {
    const viewer = await signIn('viewer@shop.test', 'viewer-pass-1');
    expect((await errorOf(viewer.compliance.unsuppress.mutate({ address: 'bob@example.com' }))).code).toBe('FORBIDDEN');

    await rig.order('bob', 'o-2');
    expect(await rig.db.sql`select 1 from email_outbox where customer_id = 'bob'`).toHaveLength(0);
    const marketer = await signIn('marketer@shop.test', 'marketer-pass-1');
    expect((await errorOf(marketer.compliance.unsuppress.mutate({ address: 'bob@example.com' }))).code).toBe('FORBIDDEN');
    const admin = await signIn('admin@shop.test', 'admin-pass-1');
    expect(await admin.compliance.unsuppress.mutate({ address: ' BOB@example.com ' })).toEqual({ address: 'bob@example.com' });
    expect((await errorOf(admin.compliance.unsuppress.mutate({ address: 'bob@example.com' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(admin.compliance.unsuppress.mutate({ address: 'elsewhere@example.com' }))).code).toBe('NOT_FOUND');
    await rig.order('bob', 'o-3');
    expect(await rig.db.sql`select node_id from email_outbox where customer_id = 'bob' order by node_id`).toEqual([{ node_id: 'mail' }, { node_id: 'receipt' }]);
  });
});

describe('engagement per saved template', () => {
  it('counts sent emails and each email opened, clicked, bounced, unsubscribed once, people only', async () => {
    const registry = createRegistry();
    const mjml = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>';
    const step = (id: string, templateId: string) => ({ id, type: 'core/send-email', position: { x: 0, y: 0 },
      config: { templateId, subject: 'Hi', preheader: '', body: mjml, kind: 'marketing' } });
    const versionId = await publishGraph(rig.db, registry, WS, 'j_tpl', {
      nodes: [
        { id: 'trigger', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: 'Signed Up', filters: [], entryKeyProperty: '' } },
        step('a', 'tpl_welcome'), step('b', 'tpl_other'),
      ],
      edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'a' }, { id: 'e2', source: 'a', sourceHandle: 'out', target: 'b' }],
    });
    const now = rig.clock.now();
    // Ready-made emails of step a (transactional: Ada unsubscribed from marketing above); three sent by the dispatcher, one still queued.
    const outbox = async (key: string, node: string) => (await rig.db.sql`
      insert into email_outbox (workspace_id, effect_key, customer_id, version_id, node_id, kind, to_address, from_address, subject, html,
        message_id, next_attempt_at, created_at)
      values (${WS}, ${key}, 'ada', ${versionId}, ${node}, 'transactional', 'ada@example.com', 'shop@test', 's', 'h', ${`<${key}@t>`}, ${now}, ${now})
      returning id`)[0].id as string;
    const [m1, m2, m3] = [await outbox('k1', 'a'), await outbox('k2', 'a'), await outbox('k3', 'a')];
    await rig.dispatch();
    await outbox('k4', 'a');
    const event = (id: string, type: EmailEventType, bot = false) =>
      rig.db.sql.begin((tx) => recordEmailEvents(tx, [{ workspaceId: WS, outboxId: id, type, bot, at: now }]));
    await event(m1, 'open'); await event(m1, 'open'); await event(m2, 'open'); await event(m3, 'open', true);
    await event(m1, 'click'); await event(m3, 'bounce');

    const viewer = await signIn('viewer@shop.test', 'viewer-pass-1');
    expect(await viewer.compliance.templateStats.query()).toEqual({
      tpl_welcome: { sent: 3, opens: 2, clicks: 1, bounces: 1, unsubscribes: 0, complaints: 0 },
    });
  });
});
