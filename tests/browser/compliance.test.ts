// A recipient's side in a real browser: the unsubscribe confirmation (GET changes nothing,
// the button unsubscribes), the preference page, and the email node's opens, clicks and
// unsubscribes on the canvas of the seeded journey.
import { inflateHtml, recordEmailEvents } from '@afterglow/email';
import { ManualClock } from '@afterglow/engine';
import { createRegistry } from '@afterglow/nodes';
import { describe, expect, it } from 'vitest';
import { publishGraph } from '../support/journeys';
import { screenshot, useAppInBrowser, waitForText } from './browser';

const clock = new ManualClock(new Date());
const env = useAppInBrowser({ clock });
const PERSON = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

describe('compliance in the browser', () => {
  it('unsubscribes from the email link, manages preferences, and shows opens and clicks on the canvas', { timeout: 180_000 }, async () => {
    const { app, page } = env;
    const sql = app.database.sql;
    const [customer] = await sql<{ id: string }[]>`
      select id from customers where workspace_id = ${app.demo!.workspaceId} and marketing_consent and email is not null order by id limit 1`;
    // The seeded thank-you is an order confirmation (transactional, no unsubscribe link); the shop's
    // marketing email after an order is this journey's.
    const [thankYou] = await sql<{ body: string }[]>`select draft->'nodes'->1->'config'->>'body' as body from journeys where id = 'jrn_demo_thank_you'`;
    await publishGraph(app.database, createRegistry(), app.demo!.workspaceId, 'j_order_news', {
      nodes: [
        { id: 'trigger', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: 'Order Completed', filters: [], entryKeyProperty: 'order_id' } },
        { id: 'news', type: 'core/send-email', position: { x: 0, y: 200 },
          config: { subject: 'What is new this week', preheader: '', body: thankYou.body, kind: 'marketing' } },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'news' }],
    });
    await sql`update journeys set name = 'Order news' where id = 'j_order_news'`;
    const sent = await env.track({ userId: customer.id, event: 'Order Completed', messageId: 'compliance-order-1',
      properties: { order_id: 'ord_compliance_1', total: 20, currency: 'EUR', products: [] } });
    expect(sent.status).toBe(200);
    // The running worker (woken by the ingestion) and this call share the work; wait for the delivery.
    await app.engine.advanceUntilIdle();
    const sentMail = async () => (await sql<{ headers: Record<string, string>; html: Buffer; nodeId: string }[]>`
      select headers, html_deflated as html, node_id as "nodeId" from email_outbox where customer_id = ${customer.id} and status = 'sent' order by node_id`)
      .map((row) => ({ ...row, html: inflateHtml(row.html) }));
    await expect.poll(async () => (await sentMail()).length, { timeout: 30_000 }).toBe(2);
    const [mail, confirmation] = await sentMail();
    expect([mail.nodeId, confirmation.nodeId]).toEqual(['news', 'thank_you_email']);
    expect(mail.headers['X-Afterglow-Kind']).toBe('marketing');
    expect(confirmation.headers['X-Afterglow-Kind']).toBe('transactional');
    expect(confirmation.headers['List-Unsubscribe']).toBeUndefined();

    // A person reads the email a minute later and clicks its first link.
    clock.advance(60_000);
    const pixel = /src="([^"]+\/t\/o\/[^"]+\.gif)"/.exec(mail.html)![1];
    expect((await fetch(pixel, { headers: { 'user-agent': PERSON } })).status).toBe(200);
    const link = /href="([^"]+\/t\/c\/[^"]+)"/.exec(mail.html)![1];
    expect((await fetch(link, { headers: { 'user-agent': PERSON }, redirect: 'manual' })).status).toBe(302);

    await page.goto(mail.headers['List-Unsubscribe'].slice(1, -1));
    await page.getByRole('heading', { name: 'Unsubscribe from our emails?' }).waitFor();
    await screenshot(page, 'unsubscribe-confirm');
    const consent = async () => (await sql`select marketing_consent from customers where workspace_id = ${app.demo!.workspaceId} and id = ${customer.id}`)[0].marketing_consent;
    expect(await consent()).toBe(true);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    expect(await consent()).toBe(false);
    await screenshot(page, 'unsubscribed');

    await page.getByRole('link', { name: 'Manage your email preferences' }).click();
    await page.getByRole('heading', { name: 'Email preferences' }).waitFor();
    await page.getByTestId('marketing').check();
    await page.getByTestId('topic-offers').uncheck();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('status').filter({ hasText: 'Your preferences are saved.' }).waitFor();
    expect(await consent()).toBe(true);
    await screenshot(page, 'preferences');

    await env.logIn();
    await page.getByRole('link', { name: 'Order news' }).first().click();
    await page.getByTestId('canvas').waitFor();
    await page.getByTestId('toggle-live-stats').click();
    await waitForText(page.getByTestId('stat-news-emails'), (t) => t === '1');
    await waitForText(page.getByTestId('stat-news-opens'), (t) => t === '1');
    await waitForText(page.getByTestId('stat-news-clicks'), (t) => t === '1');
    await waitForText(page.getByTestId('stat-news-unsubscribes'), (t) => t === '1');
    await screenshot(page, 'canvas-email-counters');

    // Settings: counts, the suppression list and the consent ledger; an editor lifts a suppression.
    // Each says why in words (the bounce reasons the webhook stored); a soft-bounce one is lifted like any.
    await sql`insert into email_suppressions (workspace_id, address, reason, detail, facts, created_at) values
      (${app.demo!.workspaceId}, 'gone@mail.example', 'hard_bounce', '550 5.1.1 <gone@mail.example>: user unknown', ${sql.json({ reason: 'user_unknown' })}, ${clock.now()}),
      (${app.demo!.workspaceId}, 'full@mail.example', 'soft_bounce', '3 × mailbox_full: 3 soft bounces in 9 days',
        ${sql.json({ count: 3, days: 9, reasons: { mailbox_full: 3 } })}, ${clock.now()})`;
    await page.getByRole('link', { name: 'Settings' }).click();
    const card = page.getByTestId('consent-card');
    await waitForText(card.getByTestId('consent-suppressed'), (t) => t === '2');
    await waitForText(card.getByTestId('suppressions'), (t) => t.includes('Hard bounce: mailbox does not exist') && t.includes('Soft bounces: 3 × mailbox full in 9 days'));
    await waitForText(card.getByTestId('consent-ledger'), (t) => t.includes('Opted out') && t.includes('Opted in'));
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-consent');
    await card.getByRole('button', { name: 'Lift' }).first().click();
    await waitForText(card.getByTestId('consent-suppressed'), (t) => t === '1');
    await card.getByRole('button', { name: 'Lift' }).click();
    await waitForText(card.getByTestId('consent-suppressed'), (t) => t === '0');
    expect(await sql`select 1 from email_suppressions where address in ('gone@mail.example', 'full@mail.example')`).toHaveLength(0);

    // A journey whose email step uses a saved template: its emails' engagement shows on the template's card.
    const [template] = await sql<{ id: string; body: string }[]>`
      select t.id, v.body from email_templates t join email_template_versions v on v.template_id = t.id and v.version = t.latest_version
      where t.workspace_id = ${app.demo!.workspaceId} order by t.name limit 1`;
    const versionId = await publishGraph(app.database, createRegistry(), app.demo!.workspaceId, 'j_template_stats', {
      nodes: [
        { id: 'trigger', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: 'Signed Up', filters: [], entryKeyProperty: '' } },
        { id: 'mail', type: 'core/send-email', position: { x: 0, y: 200 },
          config: { templateId: template.id, subject: 'Hi', preheader: '', body: template.body, kind: 'marketing' } },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'mail' }],
    });
    // Four emails of the step, delivered by the running dispatcher (which counts them), then opened and clicked.
    const sentIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [row] = await sql`insert into email_outbox (workspace_id, effect_key, customer_id, version_id, node_id, to_address, from_address,
          subject, html, message_id, next_attempt_at, created_at)
        values (${app.demo!.workspaceId}, ${`tpl-stats-${i}`}, ${customer.id}, ${versionId}, 'mail', 'x@mail.example', 'shop@afterglow.local',
          'Hi', 'h', ${`<tpl-stats-${i}@afterglow>`}, ${clock.now()}, ${clock.now()}) returning id`;
      sentIds.push(row.id);
    }
    await app.engine.advanceUntilIdle();
    await expect.poll(async () => (await sql`select 1 from email_outbox where id = any(${sentIds}::uuid[]) and status = 'sent'
      and claimed_by is null`).length, { timeout: 30_000 }).toBe(4);
    for (const [i, type] of [[0, 'open'], [1, 'open'], [2, 'open'], [0, 'click']] as const) {
      await sql.begin((tx) => recordEmailEvents(tx, [{ workspaceId: app.demo!.workspaceId, outboxId: sentIds[i], type, at: clock.now() }]));
    }
    await page.getByRole('link', { name: 'Templates' }).click();
    await waitForText(page.getByTestId(`template-stats-${template.id}`), (t) => t.includes('4 sent') && t.includes('75% opened') && t.includes('25% clicked'));
    await screenshot(page, 'templates-engagement');
  });
});
