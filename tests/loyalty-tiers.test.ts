// The shop's loyalty tiers through the whole harness (the /v1 handler, the tRPC procedures, the
// engine's jobs at each stop of a manual clock, real SMTP): Loyalty Tier Changed fires once per
// change, up and down; a rolling window demotes with no new activity; a points milestone fires
// once; a journey started by a tier change with the filter direction = up emails the customer
// their configured tier's name and benefits; spend tiers follow orders and refunds; a segment
// naming a tier the shop lacks is refused naming the field.
import { sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeLoyaltySettings } from './support/loyalty';

const DAY = 86_400_000;

async function configure(t: JourneyTest, loyalty: object) {
  await storeLoyaltySettings(t.database.sql, t.workspaceId, loyalty);
}

/** Points as the earning rules and redemptions write them, at the clock's time. */
async function ledger(t: JourneyTest, customerId: string, points: number, kind: string) {
  await t.database.sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, created_at)
    values (${t.workspaceId}, ${customerId}, ${points}, ${kind}, ${kind}, ${t.now()})`;
}

const announced = (t: JourneyTest) => t.database.sql<{ customerId: string; name: string; properties: Record<string, unknown> }[]>`
  select customer_id as "customerId", name, properties from events
  where workspace_id = ${t.workspaceId} and name in ('Loyalty Tier Changed', 'Points Milestone Reached') order by id`;

const body = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Welcome to {{ loyalty.tier }}, {{ customer.firstName }}: {{ loyalty.benefits }}. {{ loyalty.pointsToNextTier }} points to {{ loyalty.nextTier }}.</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

describe('tiers by points earned in the last 30 days', () => {
  let t: JourneyTest;
  beforeAll(async () => {
    t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
    await configure(t, { tiers: { basis: 'points', windowDays: 30, list: [
      { id: 'member', name: 'Member', threshold: 0 },
      { id: 'silver', name: 'Silver Circle', threshold: 100, benefits: 'free shipping on every order' },
      { id: 'gold', name: 'Gold Circle', threshold: 300, benefits: 'a gift twice a year' },
    ] }, milestones: [50, 250] });
    const { id } = await t.api.templates.create({ name: 'New tier' }) as { id: string };
    expect(await t.api.templates.save({ id, name: 'New tier', kind: 'marketing', subject: 'You are {{ loyalty.tier }}', preheader: '', body, language: 'en' }))
      .toMatchObject({ ok: true });
    await t.publish(t.journey()
      .trigger(triggerOnEvent, { event: 'Loyalty Tier Changed', filters: [{ property: 'direction', op: 'equals', value: 'up' }] })
      .then(sendEmail, { templateId: id }, { id: 'welcome' }));
    for (const c of ['ana', 'ivo', 'eli']) await t.identify(c, { email: `${c}@example.com`, firstName: c[0].toUpperCase() + c.slice(1), marketing_consent: true });
  }, 120_000);
  afterAll(() => t?.close());

  it('moves a customer up once, emails them their new tier through a journey filtered on direction up, and down once when the window passes', async () => {
    const earned = t.now();
    await ledger(t, 'ana', 120, 'order');
    await t.advance('1 minute');
    await t.settle();
    expect(await announced(t)).toEqual([
      { customerId: 'ana', name: 'Loyalty Tier Changed', properties: { from_tier: 'member', to_tier: 'silver', from_tier_name: 'Member', to_tier_name: 'Silver Circle', direction: 'up' } },
      { customerId: 'ana', name: 'Points Milestone Reached', properties: { milestone: 50, points: 120 } },
    ]);
    const [mail, ...more] = t.emails('ana@example.com');
    expect(more).toHaveLength(0);
    expect(mail.subject).toBe('You are Silver Circle');
    expect(mail.text.replace(/\s+/g, ' ')).toContain('Welcome to Silver Circle, Ana: free shipping on every order. 180 points to Gold Circle.');
    expect((await t.api.customers.get({ id: 'ana' })).loyalty.tier).toMatchObject({ id: 'silver', name: 'Silver Circle', next: { name: 'Gold Circle', left: 180 } });

    // Spending points never demotes, and nothing is announced twice, however often the job runs.
    await ledger(t, 'ana', -100, 'redeem');
    await t.advance('10 minutes');
    await Promise.all([t.engine.runLoyaltyStatus(), t.engine.runLoyaltyStatus()]);
    expect(await announced(t)).toHaveLength(2);

    // 30 days after the points: no new activity, yet out of the window, so back to Member (no email:
    // the journey wants up), at that very moment on the way to day 40 (the harness stops there).
    await t.advance('40 days');
    await t.settle();
    const [down] = await t.database.sql<{ at: Date }[]>`select timestamp as at from events
      where workspace_id = ${t.workspaceId} and name = 'Loyalty Tier Changed' and properties->>'direction' = 'down'`;
    expect(down.at).toEqual(new Date(earned.getTime() + 30 * DAY));
    const all = await announced(t);
    expect(all.slice(2)).toEqual([
      { customerId: 'ana', name: 'Loyalty Tier Changed', properties: { from_tier: 'silver', to_tier: 'member', from_tier_name: 'Silver Circle', to_tier_name: 'Member', direction: 'down' } },
    ]);
    expect(t.emails('ana@example.com')).toHaveLength(1);
    const [member] = await t.database.sql<{ tierId: string; milestone: number }[]>`
      select tier_id as "tierId", milestone from loyalty_members where workspace_id = ${t.workspaceId} and customer_id = 'ana'`;
    expect(member).toEqual({ tierId: 'member', milestone: 50 });
  });

  it('announces each milestone crossed once, and nothing for a first computation into the lowest tier', async () => {
    const before = (await announced(t)).length;
    await ledger(t, 'ivo', 260, 'review');
    await ledger(t, 'eli', 10, 'signup');
    await t.advance('1 minute');
    await ledger(t, 'ivo', 10, 'birthday'); // 270: no new milestone, still Silver
    await t.advance('1 minute');
    expect((await announced(t)).slice(before)).toEqual([
      { customerId: 'ivo', name: 'Loyalty Tier Changed', properties: { from_tier: 'member', to_tier: 'silver', from_tier_name: 'Member', to_tier_name: 'Silver Circle', direction: 'up' } },
      { customerId: 'ivo', name: 'Points Milestone Reached', properties: { milestone: 50, points: 260 } },
      { customerId: 'ivo', name: 'Points Milestone Reached', properties: { milestone: 250, points: 260 } },
    ]);
    const members = await t.database.sql<{ customerId: string; tierId: string }[]>`
      select customer_id as "customerId", tier_id as "tierId" from loyalty_members where workspace_id = ${t.workspaceId} order by 1`;
    expect(members).toEqual([{ customerId: 'ana', tierId: 'member' }, { customerId: 'eli', tierId: 'member' }, { customerId: 'ivo', tierId: 'silver' }]);
  });

  it('saves a segment on a configured tier and refuses one the shop does not have, naming the field', async () => {
    await t.segment({ kind: 'tier', op: 'atLeast', tier: 'silver' }, 'Silver and up');
    const refused = await t.api.segments.save({ name: 'Diamonds', rule: { kind: 'group', op: 'and', rules: [{ kind: 'tier', op: 'is', tier: 'diamond' }] } })
      .then(() => null, (err: unknown) => err);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(JSON.stringify(refused)).toContain('rule.rules.0.tier');
    expect(JSON.stringify(refused)).toContain('diamond');
    const words = await t.api.segments.vocabulary();
    expect(words.tiers.map((x) => x.name)).toEqual(['Member', 'Silver Circle', 'Gold Circle']);
  });
});

describe('tiers by money spent', () => {
  let t: JourneyTest;
  beforeAll(async () => {
    t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
    await configure(t, { tiers: { basis: 'spend', windowDays: 0, list: [
      { id: 'guest', name: 'Guest', threshold: 0 }, { id: 'vip', name: 'VIP', threshold: 200, benefits: 'a personal stylist' },
    ] } });
    await t.identify('mia', { email: 'mia@example.com', firstName: 'Mia', marketing_consent: true });
  }, 120_000);
  afterAll(() => t?.close());

  it('follows orders up and refunds down, and tells merge data what is left in money', async () => {
    await t.track('mia', 'Order Completed', { order_id: 'o1', total: 150, currency: 'EUR' });
    await t.advance('1 minute');
    expect(await announced(t)).toEqual([]);
    // Merge data as the template editor's preview loads it for Mia (the engine's loader).
    const preview = await t.api.templates.preview({ customerId: 'mia', subject: '{{ loyalty.tier }}: {{ loyalty.spendToNextTier }} to {{ loyalty.nextTier }}', body });
    expect(preview).toMatchObject({ ok: true, email: { subject: 'Guest: 50 to VIP' } });
    await t.track('mia', 'Order Completed', { order_id: 'o2', total: 80, currency: 'EUR' });
    await t.advance('1 minute');
    await t.track('mia', 'order_refunded', { order_id: 'o2' });
    await t.advance(1 * DAY);
    expect((await announced(t)).map((e) => e.properties.direction)).toEqual(['up', 'down']);
    expect((await announced(t))[0].properties).toMatchObject({ to_tier: 'vip', to_tier_name: 'VIP' });
  });
});
