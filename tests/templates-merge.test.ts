// Merge data that needs the database, on a real Postgres: loyalty points and tiers,
// frequently-bought-together recommendations from order history, review links per item,
// and a journey's email node sending a saved template pinned to its version at publish.
import type { Database } from '@afterglow/db';
import { createEngine, ManualClock } from '@afterglow/engine';
import { buildMergeData, createJourneyEmailRenderer, createMailer, createShopExtrasLoader, inflateHtml, loadShopExtras, loyaltyStatus, STARTER_TEMPLATES, checkEmailTemplate } from '@afterglow/email';
import { readLoyaltySettings } from '@afterglow/journey-core';
import { createRegistry } from '@afterglow/nodes';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase } from './support/db';
import { startTestSmtpSink } from './support/smtp-sink';
import { MERGE_FIELDS } from '../apps/web/src/templates/mergeFields';
import { ingestEvents, publishGraph, seedWorkspace } from './support/journeys';

const WS = 'ws_merge';
const clock = new ManualClock(new Date('2026-04-01T09:00:00Z'));
const registry = createRegistry();
let db: Database;

async function order(id: string, customerId: string, daysAgo: number, productIds: string[]) {
  await db.sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
    values (${WS}, ${id}, ${customerId}, 10, ${new Date(clock.now().getTime() - daysAgo * 86400e3)})`;
  for (const [line, productId] of productIds.entries()) {
    await db.sql`insert into order_items (workspace_id, order_id, line, customer_id, product_id, name, price)
      values (${WS}, ${id}, ${line}, ${customerId}, ${productId}, ${productId}, 5)`;
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedWorkspace(db, WS, [
    { id: 'ann', email: 'ann@example.com', firstName: 'Ann' },
    { id: 'bob', email: 'bob@example.com', firstName: 'Bob' },
    { id: 'cid', email: 'cid@example.com', firstName: 'Cid' },
  ], clock.now());
  for (const [id, name, price] of [['cam', 'Camera', 499], ['lens', 'Lens', 199], ['card', 'Memory card', 19], ['bag', 'Camera bag', 49], ['tea', 'Green tea', 6]] as const) {
    await db.sql`insert into products (workspace_id, id, name, price, url, image_url)
      values (${WS}, ${id}, ${name}, ${price}, ${`https://shop.test/${id}`}, ${`https://shop.test/${id}.jpg`})`;
  }
  // Camera buyers took lenses three times, cards twice, a bag once; tea is never bought with a camera.
  await order('o1', 'bob', 30, ['cam', 'lens', 'card']);
  await order('o2', 'bob', 20, ['cam', 'lens']);
  await order('o3', 'cid', 10, ['cam', 'lens', 'card', 'bag']);
  await order('o4', 'cid', 5, ['tea']);
  await order('o5', 'ann', 2, ['tea', 'bag']);
  await db.sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason) values
    (${WS}, 'bob', 400, 'orders'), (${WS}, 'bob', 200, 'review'), (${WS}, 'bob', -250, 'redeemed')`;
});

afterAll(async () => { await db?.close(); });

describe('loyalty tiers', () => {
  it('describe the tier the database computed: name, benefits, the next tier and what is left to it', () => {
    const { tiers } = readLoyaltySettings({});
    expect(loyaltyStatus(350, 600, tiers, { index: 1, measure: 600 })).toEqual({
      points: 350, lifetimePoints: 600, tier: 'Silver', tierId: 'silver', benefits: '', basis: 'points',
      nextTier: 'Gold', nextTierBenefits: '', toNextTier: 900, pointsToNextTier: 900, spendToNextTier: 0,
    });
    expect(loyaltyStatus(9000, 9000, tiers, { index: 3, measure: 9000 })).toMatchObject({ tier: 'Platinum', nextTier: '', toNextTier: 0, pointsToNextTier: 0 });
    const spend = readLoyaltySettings({ tiers: { basis: 'spend', windowDays: 365, list: [
      { id: 'member', name: 'Member', threshold: 0 }, { id: 'vip', name: 'VIP', threshold: 250.5, benefits: 'Free shipping' }] } }).tiers;
    expect(loyaltyStatus(0, 0, spend, { index: 0, measure: 100.25 })).toMatchObject({
      tier: 'Member', basis: 'spend', nextTier: 'VIP', nextTierBenefits: 'Free shipping', toNextTier: 150.25, spendToNextTier: 150.25, pointsToNextTier: 0,
    });
  });
});

/** db.sql that counts the statements sent: queries awaited, not fragments built with sql`` inside them. */
function countingSql(onSend: () => void): typeof db.sql {
  return ((...args: Parameters<typeof db.sql>) => {
    const query = db.sql(...args);
    const then = query.then.bind(query);
    Object.assign(query, { then: (...a: Parameters<typeof then>) => { onSend(); return then(...a); } });
    return query;
  }) as unknown as typeof db.sql;
}

describe('database-backed merge data', () => {
  it('loads points and frequently-bought-together for many emails in one call', async () => {
    const [bob, ann, nobody] = await loadShopExtras(db.sql, [
      { workspaceId: WS, customerId: 'bob', productIds: ['cam'] },
      { workspaceId: WS, customerId: 'ann', productIds: [] },
      { workspaceId: WS, customerId: 'ghost', productIds: ['nothing'] },
    ], clock.now());
    expect(bob.loyalty).toMatchObject({ points: 350, lifetimePoints: 600, tier: 'Silver' });
    expect(bob.shopName).toBe('Test shop');
    // Ranked by how many camera orders also held the product; the seed itself never comes back.
    expect(bob.recommendations.map((r) => [r.productId, r.boughtTogether])).toEqual([['lens', 3], ['card', 2], ['bag', 1]]);
    expect(bob.recommendations[0]).toMatchObject({ name: 'Lens', price: 199, url: 'https://shop.test/lens', imageUrl: 'https://shop.test/lens.jpg' });
    // No order on the email: Ann's latest order (tea + bag) seeds the recommendations.
    expect(ann.loyalty).toMatchObject({ points: 0, tier: 'Bronze' });
    expect(ann.recommendations.map((r) => r.productId)).toEqual(['cam', 'card', 'lens']);
    expect(nobody).toMatchObject({ recommendations: [], loyalty: { points: 0 } });
  });

  it('skips the recommendations query when no template of the batch reads them', async () => {
    let statements = 0;
    const counting = countingSql(() => statements++);
    const [bob] = await loadShopExtras(counting, [{ workspaceId: WS, customerId: 'bob', productIds: ['cam'], recommendations: false }], clock.now());
    expect(statements).toBe(2); // points, then the workspace's tiers
    expect(bob).toMatchObject({ recommendations: [], loyalty: { points: 350 } });
  });

  it('loads nothing for an email that reads no shop data', async () => {
    let statements = 0;
    const counting = countingSql(() => statements++);
    const render = createJourneyEmailRenderer(counting, () => clock.now());
    const bob = { id: 'bob', email: 'bob@example.com', firstName: 'Bob', lastName: null, timezone: 'UTC', birthday: null, attributes: {} };
    const scope = { workspaceId: WS, versionId: 'v_none', context: {} };
    const plain = await render({ subject: 'Hi {{ customer.firstName }}', body: '<mjml><mj-body><mj-section><mj-column><mj-text>Hello</mj-text></mj-column></mj-section></mj-body></mjml>' }, bob, null, scope);
    expect(plain.subject).toBe('Hi Bob');
    expect(statements).toBe(0);
    const points = await render({ subject: '{{ loyalty.points }} points at {{ shop.name }}', body: '<mjml><mj-body><mj-section><mj-column><mj-text>x</mj-text></mj-column></mj-section></mj-body></mjml>' }, bob, null, scope);
    expect(points.subject).toBe('350 points at Test shop');
    expect(statements).toBe(2); // loyalty without recommendations: points and tiers
  });

  it('answers concurrent requests from one batched load', async () => {
    let statements = 0;
    const counting = countingSql(() => statements++);
    const loader = createShopExtrasLoader(counting, () => clock.now());
    const [a, b] = await Promise.all([
      loader.load({ workspaceId: WS, customerId: 'bob', productIds: ['lens'] }),
      loader.load({ workspaceId: WS, customerId: 'cid', productIds: ['bag'] }),
    ]);
    expect(statements).toBe(3); // points, tiers (one workspace), recommendations
    expect(a.recommendations[0]).toMatchObject({ productId: 'cam', boughtTogether: 3 });
    // Ties (one order each) are broken by product id, three at most.
    expect(b.recommendations.map((r) => r.productId)).toEqual(['cam', 'card', 'lens']);
  });

  it('gives every order item its own review link', () => {
    const data = buildMergeData(
      { id: 'bob', email: 'bob@example.com', firstName: 'Bob', lastName: null, timezone: 'UTC', birthday: null, attributes: {} },
      { name: 'Order Completed', properties: { order_id: 'o/7', products: [{ product_id: 'cam', name: 'Camera', price: 499 }, { product_id: 'lens x', name: 'Lens', price: 199 }] } },
      { name: 'Shop', url: 'https://shop.test/' },
    );
    expect(data.order!.items.map((i) => i.reviewUrl)).toEqual([
      'https://shop.test/products/cam/review?order=o%2F7', 'https://shop.test/products/lens%20x/review?order=o%2F7',
    ]);
    expect(data.coupon).toBeNull();
  });

  it('offers in the editor only merge fields the template check knows', async () => {
    const snippets = MERGE_FIELDS.flatMap((g) => g.fields.map((f) => f.snippet));
    expect(snippets.length).toBeGreaterThan(10);
    for (const snippet of snippets) {
      const body = `<mjml><mj-body><mj-section><mj-column><mj-text>${snippet}</mj-text></mj-column></mj-section></mj-body></mjml>`;
      expect([snippet, await checkEmailTemplate({ subject: 'x', body })]).toEqual([snippet, []]);
    }
  });

  it('ships starters that all pass the template check, in every language', async () => {
    expect(STARTER_TEMPLATES.map((s) => s.key)).toEqual([
      'order-confirmation', 'shipping-notice', 'review-request', 'replenishment-reminder', 'birthday-greeting',
      'cross-sell', 'win-back', 'satisfaction-survey', 'points-balance',
    ]);
    for (const starter of STARTER_TEMPLATES) {
      for (const [language, variant] of [['en', starter], ...Object.entries(starter.variants)] as const) {
        expect([starter.key, language, await checkEmailTemplate(variant)]).toEqual([starter.key, language, []]);
      }
    }
  });
});

describe('a journey email from a saved template', () => {
  const body = (words: string) => `<mjml><mj-body><mj-section><mj-column>
  <mj-text>${words} {{ customer.firstName }}: {{ loyalty.points }} points ({{ loyalty.tier }})</mj-text>
  <mj-text>{% for item in order.items %}<span class="rate">{{ item.reviewUrl }}</span>{% endfor %}</mj-text>
  <mj-text>{% for p in recommendations %}<span class="rec">{{ p.name }}</span>{% endfor %}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

  async function saveVersion(version: number, words: string, at: Date) {
    await db.sql`insert into email_template_versions (workspace_id, template_id, version, subject, body, created_at)
      values (${WS}, 'tpl_thanks', ${version}, ${`${words}, {{ customer.firstName }}`}, ${body(words)}, ${at})`;
    await db.sql`update email_templates set latest_version = ${version} where id = 'tpl_thanks'`;
  }

  it('sends the version that was newest at publish, not a later edit', async () => {
    const sink = await startTestSmtpSink();
    const mailer = createMailer({ smtpUrl: sink.url });
    onTestFinished(async () => { mailer.close(); await sink.close(); });
    const engine = createEngine({ database: db, registry, clock, mailer });
    await db.sql`insert into email_templates (id, workspace_id, name, created_at, updated_at)
      values ('tpl_thanks', ${WS}, 'Thanks', ${clock.now()}, ${clock.now()})`;
    await saveVersion(1, 'Published words', clock.now());
    const at = { x: 0, y: 0 };
    const versionId = await publishGraph(db, registry, WS, 'j_tpl', {
      nodes: [
        { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: 'order_id' } },
        { id: 'mail', type: 'core/send-email', position: at, config: { templateId: 'tpl_thanks', subject: 'unused', preheader: '', body: '<mjml></mjml>', kind: 'transactional' } },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'mail' }],
    });
    await db.sql`update journey_versions set published_at = ${clock.now()} where id = ${versionId}`;
    clock.advance(60_000);
    await saveVersion(2, 'Later draft words', clock.now());

    await ingestEvents(db, engine.enrolEvents, [{
      workspaceId: WS, customerId: 'bob', name: 'Order Completed', timestamp: clock.now(),
      properties: { order_id: 'o9', products: [{ product_id: 'cam', name: 'Camera', price: 499 }] },
    }]);
    await engine.advanceUntilIdle();
    const [stored] = await db.sql<{ subject: string; html_deflated: Buffer }[]>`select subject, html_deflated from email_outbox where version_id = ${versionId}`;
    const mail = { subject: stored.subject, html: inflateHtml(stored.html_deflated) };
    expect(mail.subject).toBe('Published words, Bob');
    expect(sink.messages.map((m) => m.subject)).toEqual(['Published words, Bob']);
    expect(mail.html).toContain('Published words Bob: 350 points (Silver)');
    expect(mail.html).not.toContain('Later draft words');
    // As text, not an href: click tracking (when on) rewrites hrefs. The hosted review page, signed
    // for this order, with the item first on it.
    expect(mail.html).toMatch(/<span class="rate">http:\/\/localhost:3000\/r\/[\w-]+\.[\w-]{43}\?product=cam<\/span>/);
    expect([...mail.html.matchAll(/class="rec">([^<]+)</g)].map((m) => m[1])).toEqual(['Lens', 'Memory card', 'Camera bag']);
  });

  it('fails a run at once, without retries, when its template has no published version', async () => {
    const engine = createEngine({ database: db, registry, clock });
    const at = { x: 0, y: 0 };
    await publishGraph(db, registry, WS, 'j_gone', {
      nodes: [
        { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Parcel Lost', filters: [], entryKeyProperty: '' } },
        { id: 'mail', type: 'core/send-email', position: at, config: { templateId: 'tpl_gone', subject: 'x', preheader: '', body: '<mjml></mjml>', kind: 'transactional' } },
      ],
      edges: [{ id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'mail' }],
    });
    await ingestEvents(db, engine.enrolEvents, [{ workspaceId: WS, customerId: 'ann', name: 'Parcel Lost', timestamp: clock.now(), properties: {} }]);
    await engine.advanceUntilIdle();
    const [run] = await db.sql`select id, status, last_error from journey_runs where journey_id = 'j_gone'`;
    expect(run).toMatchObject({ status: 'failed', last_error: expect.stringContaining('Template tpl_gone has no version') });
    const outcomes = await db.sql`select outcome from run_steps where run_id = ${run.id} order by step_no`;
    expect(outcomes.map((o) => o.outcome)).not.toContain('retry');
  });
});

