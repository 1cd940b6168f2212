// Templates through the real tRPC API: starters, save refused with line and message,
// immutable versions, preview with a real customer's data, test send through the real
// outbox and mailer to a real SMTP server (only to the workspace's users and the addresses
// its owner approved), and publish refusing a missing template.
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock, type Engine } from '@afterglow/engine';
import { createMailer, createTemplateSandbox, type Mailer } from '@afterglow/email';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, errorOf, seedUser, startApiServer, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';
import { startTestSmtpSink, type TestSmtpSink } from './support/smtp-sink';

const clock = new ManualClock(new Date('2026-05-04T08:00:00Z'));
let database: Database;
let server: ApiServer;
let engine: Engine;
let sink: TestSmtpSink;
let mailer: Mailer;
const templateSandbox = createTemplateSandbox();
let owner: ApiClient;
let marketer: ApiClient;
let viewer: ApiClient;
let outsider: ApiClient;

beforeAll(async () => {
  database = await createTestDatabase();
  const { sql } = database;
  for (const ws of ['ws_t', 'ws_x']) await sql`insert into workspaces (id, name, signing_secret) values (${ws}, ${ws}, 'secret')`;
  await sql`insert into customers (workspace_id, id, email, first_name, last_name) values
    ('ws_t', 'c_mia', 'mia@example.com', 'Mia', '<Lee>'), ('ws_t', 'c_new', 'new@example.com', 'Noor', null)`;
  await sql`insert into products (workspace_id, id, name, price, url, image_url) values
    ('ws_t', 'boot', 'Hiking boot', 129, 'https://shop.test/boot', 'https://shop.test/boot.jpg'),
    ('ws_t', 'wax', 'Boot wax', 9, 'https://shop.test/wax', 'https://shop.test/wax.jpg')`;
  await sql`insert into orders (workspace_id, id, customer_id, total, placed_at) values
    ('ws_t', 'o_old', 'c_mia', 9, '2026-01-01T00:00:00Z'), ('ws_t', 'o_last', 'c_mia', 138, '2026-05-01T00:00:00Z'),
    ('ws_t', 'o_other', 'c_new', 138, '2026-04-01T00:00:00Z')`;
  await sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, price, quantity) values
    ('ws_t', 'o_old', 0, 'c_mia', 'wax', 'Boot wax', 9, 1), ('ws_t', 'o_last', 0, 'c_mia', 'boot', 'Hiking boot', 129, 1),
    ('ws_t', 'o_other', 0, 'c_new', 'boot', 'Hiking boot', 129, 1), ('ws_t', 'o_other', 1, 'c_new', 'wax', 'Boot wax', 9, 1)`;
  await sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason) values ('ws_t', 'c_mia', 1600, 'orders')`;
  await seedUser(database, { id: 'u_o', workspaceId: 'ws_t', email: 'Owner@T.test', password: 'pw-o', role: 'owner' });
  await seedUser(database, { id: 'u_m', workspaceId: 'ws_t', email: 'm@t.test', password: 'pw-m', role: 'marketer' });
  await seedUser(database, { id: 'u_v', workspaceId: 'ws_t', email: 'v@t.test', password: 'pw-v', role: 'viewer' });
  await seedUser(database, { id: 'u_x', workspaceId: 'ws_x', email: 'x@x.test', password: 'pw-x', role: 'owner' });
  const registry = createRegistry();
  sink = await startTestSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url });
  engine = createEngine({ database, registry, clock, mailer });
  // wake() delivers at once here: the worker's loop is not started in tests.
  const deps: ApiDeps = { database, registry, clock, templateSandbox, engine: { ...engine, wake: async () => void (await engine.advanceUntilIdle()) } };
  server = await startApiServer(deps);
  owner = apiClient(server.url).trpc;
  await owner.auth.login.mutate({ email: 'owner@t.test', password: 'pw-o' });
  marketer = apiClient(server.url).trpc;
  await marketer.auth.login.mutate({ email: 'm@t.test', password: 'pw-m' });
  viewer = apiClient(server.url).trpc;
  await viewer.auth.login.mutate({ email: 'v@t.test', password: 'pw-v' });
  outsider = apiClient(server.url).trpc;
  await outsider.auth.login.mutate({ email: 'x@x.test', password: 'pw-x' });
});

afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  mailer?.close();
  await sink?.close();
  await database?.close();
});

describe('templates API', () => {
  let id = '';

  it('creates templates from starters and lists them', async () => {
    const starters = await marketer.templates.starters.query();
    expect(starters).toHaveLength(9);
    const created = await marketer.templates.create.mutate({ starter: 'review-request' });
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    id = created.id;
    const again = await marketer.templates.create.mutate({ starter: 'review-request' });
    const list = await marketer.templates.list.query();
    expect(list.map((t) => t.name).sort()).toEqual(['Review request', 'Review request (2)']);
    expect(again.ok).toBe(true);
    expect(await outsider.templates.list.query()).toEqual([]);
    expect((await errorOf(outsider.templates.get.query({ id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(viewer.templates.create.mutate({}))).code).toBe('FORBIDDEN');
  });

  it('refuses a broken template at save with the line and the message, keeping the last good version', async () => {
    const t = await marketer.templates.get.query({ id });
    const base = { id, name: t.name, kind: t.kind, subject: t.subject, preheader: t.preheader };
    const broken = [
      { body: '<mjml><mj-body>\n<mj-section><mj-column>\n<mj-text>{{ customer.frstName }}</mj-text>\n</mj-column></mj-section></mj-body></mjml>', want: /^line 3: unknown merge field "customer.frstName"/ },
      { body: '<mjml><mj-body>\n<mj-section><mj-column>\n<mj-text>{% if order %}open</mj-text>\n</mj-column></mj-section></mj-body></mjml>', want: /^line 3: .*not closed/ },
      { body: '<mjml><mj-body>\n<mj-include path="/etc/passwd" />\n</mj-body></mjml>', want: /^line 2: <mj-include> is not allowed/ },
      { body: '<mjml><mj-body>\n<mj-section>\n<mj-column><mj-text>Hi</mj-text><mj-bogus /></mj-column></mj-section></mj-body></mjml>', want: /^line 3: .*mj-bogus/ },
    ];
    for (const b of broken) {
      const result = await marketer.templates.save.mutate({ ...base, body: b.body });
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(b.want));
    }
    expect((await marketer.templates.get.query({ id })).version).toBe(1);
  });

  it('writes a new immutable version only when the content changes', async () => {
    const t = await marketer.templates.get.query({ id });
    const base = { id, name: 'Rate your gear', kind: t.kind, subject: t.subject, preheader: t.preheader, body: t.body };
    expect(await marketer.templates.save.mutate(base)).toEqual({ ok: true, id, version: 1 });
    clock.advance(60_000);
    expect(await marketer.templates.save.mutate({ ...base, subject: 'Rate it, {{ customer.firstName }}' })).toEqual({ ok: true, id, version: 2 });
    const versions = await database.sql`select version, subject from email_template_versions where template_id = ${id} order by version`;
    expect(versions.map((v) => [v.version, v.subject])).toEqual([[1, t.subject], [2, 'Rate it, {{ customer.firstName }}']]);
    expect((await marketer.templates.get.query({ id })).name).toBe('Rate your gear');
    const history = await marketer.templates.versions.query({ id });
    expect(history.map((v) => [v.version, v.subject, v.author])).toEqual([[2, 'Rate it, {{ customer.firstName }}', 'u_m'], [1, t.subject, 'u_m']]);
    expect((await errorOf(outsider.templates.versions.query({ id }))).code).toBe('NOT_FOUND');
  });

  it('previews with a chosen customer’s real data: their latest order, points and tier', async () => {
    const customers = await marketer.templates.previewCustomers.query({ search: 'mia' });
    expect(customers.map((c) => c.id)).toEqual(['c_mia']);
    const t = await marketer.templates.get.query({ id });
    const preview = await marketer.templates.preview.query({ customerId: 'c_mia', subject: t.subject, preheader: t.preheader, body: t.body });
    if (!preview.ok) throw new Error(JSON.stringify(preview.issues));
    expect(preview.email.subject).toBe('Rate it, Mia');
    expect(preview.email.html).toContain('Hiking boot');
    expect(preview.email.html).not.toContain('Boot wax'); // an older order's item
    expect(preview.email.html).toContain('https://shop.example/products/boot/review?order=o_last');
    expect(preview.email.html).toContain('<strong>1600</strong> points');
    expect(preview.email.html).toContain('WS_T'); // the shop's name is the workspace's, upper-cased by the starter
    const pts = await marketer.templates.preview.query({
      customerId: 'c_mia', subject: '{{ loyalty.tier }}', preheader: '',
      body: '<mjml><mj-body><mj-section><mj-column><mj-text>{% for p in recommendations %}[{{ p.name }}]{% endfor %} {{ customer.lastName }}</mj-text></mj-column></mj-section></mj-body></mjml>',
    });
    if (!pts.ok) throw new Error(JSON.stringify(pts.issues));
    expect(pts.email.subject).toBe('Gold');
    expect(pts.email.html).toContain('[Boot wax] &lt;Lee&gt;');
    expect((await errorOf(marketer.templates.preview.query({ customerId: 'c_nobody', subject: 'x', preheader: '', body: t.body }))).code).toBe('NOT_FOUND');
  });

  it('sends a test email through the outbox and the mailer, marked as a test', async () => {
    const t = await marketer.templates.get.query({ id });
    const sent = await marketer.templates.sendTest.mutate({ customerId: 'c_mia', to: 'm@t.test', templateId: id, subject: t.subject, preheader: t.preheader, body: t.body });
    expect(sent.ok).toBe(true);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0].subject).toBe('[Test] Rate it, Mia');
    expect(JSON.stringify(sink.messages[0].to)).toContain('m@t.test');
    const [row] = await database.sql`select kind, status, to_address from email_outbox where to_address = 'm@t.test'`;
    expect(row).toMatchObject({ kind: 'test', status: 'sent' });
    const refused = await marketer.templates.sendTest.mutate({ customerId: 'c_mia', to: 'm@t.test', templateId: id, subject: t.subject, preheader: '', body: '<mjml><mj-body>{{ nope }}</mj-body></mjml>' });
    expect(refused.ok).toBe(false);
    expect(sink.messages).toHaveLength(1);
    expect((await errorOf(marketer.templates.sendTest.mutate({ customerId: 'c_mia', to: 'not-an-address', templateId: id, ...t }))).code).toBe('BAD_REQUEST');
  });

  it('sends tests only to the workspace’s users and the addresses its owner approved', async () => {
    const t = await marketer.templates.get.query({ id });
    const send = (to: string) => marketer.templates.sendTest.mutate({ customerId: 'c_mia', to, templateId: id, ...t });
    const queued = async () => (await database.sql`select count(*)::int as n from email_outbox where kind = 'test'`)[0].n as number;
    expect(await marketer.templates.testRecipients.query()).toEqual([
      { email: 'm@t.test', name: 'u_m', source: 'user' }, { email: 'owner@t.test', name: 'u_o', source: 'user' },
      { email: 'v@t.test', name: 'u_v', source: 'user' },
    ]);
    const before = await queued();
    for (const to of ['boss@shop.test', 'x@x.test']) { // anyone, and a user of another workspace
      const refused = await errorOf(send(to));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.data.field).toBe('to');
      expect(refused.message).toBe(`${to} may not receive test emails: send tests to a user of this workspace, or ask the owner to approve the address under Settings → Sending limits`);
    }
    expect(await queued()).toBe(before);
    expect((await send('OWNER@t.test')).ok).toBe(true); // a user's address, in any case

    // The owner approves an outside address; the marketer cannot.
    expect((await errorOf(marketer.settings.sendingLimits.save.mutate({ emailsPerMinute: 600, testRecipients: ['boss@shop.test'] }))).code).toBe('FORBIDDEN');
    await owner.settings.sendingLimits.save.mutate({ emailsPerMinute: 600, testRecipients: ['Boss@Shop.test', 'm@t.test'] });
    expect((await marketer.templates.testRecipients.query()).filter((r) => r.source === 'approved')).toEqual([{ email: 'boss@shop.test', name: '', source: 'approved' }]);
    expect((await send('boss@shop.test')).ok).toBe(true);
    expect(await queued()).toBe(before + 2);
    expect((await errorOf(viewer.templates.testRecipients.query())).code).toBe('FORBIDDEN');
  });

  it('refuses to publish a journey whose email node names a template that does not exist', async () => {
    const { id: journeyId } = await marketer.journeys.create.mutate({ name: 'Reviews' });
    const at = { x: 0, y: 0 };
    const node = (templateId: string) => ({ id: 'mail', type: 'core/send-email', position: at, config: { templateId, subject: 'x', preheader: '', body: '<mjml></mjml>', kind: 'marketing' } });
    const graph = (templateId: string) => ({
      nodes: [{ id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: 'order_id' } }, node(templateId)],
      edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'mail' }],
    });
    await marketer.journeys.saveDraft.mutate({ id: journeyId, draft: graph('tpl_missing') });
    const refused = await marketer.journeys.publish.mutate({ id: journeyId });
    expect(refused).toEqual({ ok: false, issues: [{ nodeId: 'mail', field: 'templateId', code: 'check', message: 'The template no longer exists: choose another' }] });
    expect((await marketer.templates.get.query({ id })).usedBy).toEqual([]);
    await marketer.journeys.saveDraft.mutate({ id: journeyId, draft: graph(id) });
    expect(await marketer.journeys.publish.mutate({ id: journeyId })).toMatchObject({ ok: true });
    // The editor tells who keeps the published version until they are published again.
    expect((await marketer.templates.get.query({ id })).usedBy).toEqual([{ journeyId, name: 'Reviews', status: 'live' }]);
    const listed = await marketer.templates.list.query();
    expect(listed.map((t) => [t.name, t.journeys]).sort()).toEqual([['Rate your gear', 1], ['Review request (2)', 0]]);
  });
});
