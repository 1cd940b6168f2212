// Saved blocks linked into templates, through the real tRPC API on a real Postgres and a real
// engine with an SMTP sink: a linked block is expanded into the version when the template is
// saved (the editor gets the link back); saving the block again makes the next version of every
// template using it, while a journey published earlier keeps sending the version it was published
// with; a link to a deleted block is a problem named in the template check, and merge fields are
// checked on the expanded content; a block in use is not deleted (409 naming the templates).
import type { ApiDeps } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import { createMailer, createTemplateSandbox, inflateHtml } from '@afterglow/email';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { errorOf, seedUser, signIn, startApiServer, type ApiClient, type ApiServer } from './support/api-client';
import { createTestDatabase } from './support/db';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';
import { startTestSmtpSink } from './support/smtp-sink';

const WS = 'ws_links';
const clock = new ManualClock(new Date('2026-05-04T08:00:00Z'));
const templateSandbox = createTemplateSandbox();
const registry = createRegistry();
let database: Database;
let server: ApiServer;
let marketer: ApiClient;

const footer = (words: string) => `<mj-section><mj-column><mj-text>${words} · {{ shop.name }}</mj-text></mj-column></mj-section>`;
const link = (id: string, name: string) => `<mj-raw data-block="${id}" data-block-name="${name}"></mj-raw>`;
const document = (inner: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }}</mj-text></mj-column></mj-section>${inner}</mj-body></mjml>`;

async function template(name: string, body: string) {
  const made = await marketer.templates.create.mutate({ name });
  if (!made.ok) throw new Error('create failed');
  const saved = await marketer.templates.save.mutate({ id: made.id, name, kind: 'marketing', subject: 'Hello', preheader: '', body });
  return { id: made.id, saved };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedWorkspace(database, WS, [{ id: 'bob', email: 'bob@example.com', firstName: 'Bob' }], clock.now());
  await seedUser(database, { id: 'u_m', workspaceId: WS, email: 'm@links.test', password: 'pw-m', role: 'marketer' });
  const deps: ApiDeps = {
    database, registry, clock, templateSandbox,
    engine: { stats: async () => ({}) as never, wake: async () => {}, retryFailed: async () => 0 },
  };
  server = await startApiServer(deps);
  marketer = await signIn(server.url, 'm@links.test', 'pw-m');
}, 60_000);

afterAll(async () => {
  await server?.close();
  await templateSandbox.close();
  await database?.close();
});

describe('linked saved blocks', () => {
  let blockId = '';
  let welcome = '';

  it('expands a linked block into the version and gives the editor the link back', async () => {
    ({ id: blockId } = await marketer.emailBlocks.save.mutate({ name: 'Footer', mjml: footer('Old footer') }));
    const made = await template('Welcome', document(link(blockId, 'Footer')));
    welcome = made.id;
    expect(made.saved).toMatchObject({ ok: true, version: 2 });
    const [stored] = await database.sql<{ body: string }[]>`select body from email_template_versions where template_id = ${welcome} and version = 2`;
    expect(stored.body).toContain('Old footer');
    expect(stored.body).not.toContain('data-block');
    const editing = await marketer.templates.get.query({ id: welcome });
    expect(editing.body).toBe(document(link(blockId, 'Footer')));
    expect((await marketer.templates.versions.query({ id: welcome }))[0].body).toBe(document(link(blockId, 'Footer')));
    const preview = await marketer.templates.preview.query({ subject: 'Hello', preheader: '', body: editing.body, customerId: 'bob' });
    expect(preview.ok && preview.email.html).toContain('Old footer');
    expect((await marketer.emailBlocks.list.query())[0].usedBy).toEqual([{ id: welcome, name: 'Welcome' }]);
  });

  it('flows a changed block into the next version of each template using it, not into a published journey', async () => {
    const sink = await startTestSmtpSink();
    const mailer = createMailer({ smtpUrl: sink.url });
    onTestFinished(async () => { mailer.close(); await sink.close(); });
    const engine = createEngine({ database, registry, clock, mailer });
    const at = { x: 0, y: 0 };
    const versionId = await publishGraph(database, registry, WS, 'j_welcome', {
      nodes: [
        { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Signed Up', filters: [], entryKeyProperty: '' } },
        { id: 'mail', type: 'core/send-email', position: at, config: { templateId: welcome, subject: 'unused', preheader: '', body: '<mjml></mjml>', kind: 'transactional' } },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'mail' }],
    });
    await database.sql`update journey_versions set published_at = ${clock.now()} where id = ${versionId}`;
    clock.advance(60_000);

    await marketer.emailBlocks.save.mutate({ id: blockId, name: 'Footer', mjml: footer('New footer') });
    const versions = await marketer.templates.versions.query({ id: welcome });
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const [latest] = await database.sql<{ body: string }[]>`select body from email_template_versions where template_id = ${welcome} and version = 3`;
    expect(latest.body).toContain('New footer');
    // Saving the template unchanged makes no version: its block is already current.
    expect(await marketer.templates.save.mutate({ id: welcome, name: 'Welcome', kind: 'marketing', subject: 'Hello', preheader: '', body: versions[0].body }))
      .toMatchObject({ ok: true, version: 3 });

    await ingestEvents(database, engine.enrolEvents, [{ workspaceId: WS, customerId: 'bob', name: 'Signed Up', timestamp: clock.now(), properties: {} }]);
    await engine.advanceUntilIdle();
    const [mail] = await database.sql<{ html_deflated: Buffer }[]>`select html_deflated from email_outbox where version_id = ${versionId}`;
    expect(inflateHtml(mail.html_deflated)).toContain('Old footer');
    expect(inflateHtml(mail.html_deflated)).not.toContain('New footer');
    expect(sink.messages).toHaveLength(1);
  });

  it('checks merge fields on the expanded content, and names a link to a missing block', async () => {
    const typo = await errorOf(marketer.emailBlocks.save.mutate({ id: blockId, name: 'Footer', mjml: footer('x').replace('shop.name', 'shop.nme') }));
    expect(typo.data.field).toBe('mjml');
    const missing = await marketer.templates.save.mutate({ id: welcome, name: 'Welcome', kind: 'marketing', subject: 'Hello', preheader: '', body: document(link('blk_gone', 'Old header')) });
    expect(missing).toEqual({ ok: false, issues: [{ field: 'body', message: 'The saved block “Old header” no longer exists: remove it from the email or insert another' }] });
    const preview = await marketer.templates.preview.query({ subject: 'Hello', preheader: '', body: document(link('blk_gone', 'Old header')), customerId: 'bob' });
    expect(preview).toMatchObject({ ok: false, issues: [{ field: 'body', message: expect.stringContaining('“Old header”') }] });
  });

  it('refuses to delete a block in use, naming the templates, and deletes it once unlinked', async () => {
    const refused = await errorOf(marketer.emailBlocks.remove.mutate({ id: blockId }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.data.field).toBe('id');
    expect(refused.message).toContain('“Welcome”');
    // Unlinked: the block's content as a copy in the template.
    await marketer.templates.save.mutate({ id: welcome, name: 'Welcome', kind: 'marketing', subject: 'Hello', preheader: '', body: document(footer('New footer')) });
    expect((await marketer.emailBlocks.list.query())[0].usedBy).toEqual([]);
    await marketer.emailBlocks.remove.mutate({ id: blockId });
    expect(await marketer.emailBlocks.list.query()).toEqual([]);
  });
});
