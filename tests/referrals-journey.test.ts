// The referral programme through the whole harness (the real server's /ref link over HTTP, the
// /v1 handler, the engine's referrals job at each stop of time, real SMTP): a friend who opened a
// customer's link, was identified and ordered is rewarded with the customer after the qualifying
// period, both by one journey on "Referral Completed", each with a coupon, exactly once; the
// guards refuse a friend with the referrer's email or address, the referrer's own code, a
// refunded first order and a friend who had ordered before.
import { ensureReferralCodes } from '@afterglow/db';
import { issueCoupon, sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeLoyaltySettings } from './support/loyalty';

const body = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hi {{ customer.firstName }}, {% if event.role == 'referrer' %}thanks for bringing {{ event.friend_first_name }}{% else %}welcome, friend of {{ event.referrer_first_name }}{% endif %}.
Your coupon: {{ coupon.code }}. Share yours: {{ customer.referralUrl }} (code {{ customer.referralCode }}).</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

let t: JourneyTest;
const order = (id: string, extra: Record<string, unknown> = {}) => ({ order_id: id, total: 60, currency: 'EUR', ...extra });
const person = async (id: string, traits: Record<string, unknown> = {}) =>
  t.identify(id, { email: `${id}@example.com`, firstName: id[0].toUpperCase() + id.slice(1), marketing_consent: true, ...traits });
const codeOf = async (id: string) => (await ensureReferralCodes(t.database.sql, [{ workspaceId: t.workspaceId, customerId: id }], t.now()))
  .get(`${t.workspaceId}\n${id}`)!;
const referralOf = async (friend: string) => (await t.database.sql<{ referrer: string; state: string; reason: string | null; source: string; orderId: string | null }[]>`
  select referrer_id as referrer, state, reason, source, order_id as "orderId" from referrals
  where workspace_id = ${t.workspaceId} and customer_id = ${friend}`)[0];
const completedEvents = async () => (await t.database.sql<{ n: number }[]>`
  select count(*)::int as n from events where workspace_id = ${t.workspaceId} and name = 'Referral Completed'`)[0].n;
const open = (path: string, cookie?: string) => fetch(`${t.publicUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-03-02T09:00:00Z', settings: { shop: { name: 'Trail shop', url: 'https://shop.example/welcome', locale: 'en' } } });
  await storeLoyaltySettings(t.database.sql, t.workspaceId, { earning: { referral: { enabled: true, points: 250 } } });
  const { id } = await t.api.templates.create({ name: 'Referral thanks' }) as { id: string };
  expect(await t.api.templates.save({ id, name: 'Referral thanks', kind: 'marketing', subject: 'A gift for you', preheader: '', body, language: 'en' }))
    .toMatchObject({ ok: true });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Referral Completed' })
    .then(issueCoupon, { kind: 'percent', value: 15, prefix: 'FRIEND', validDays: 30 }, { id: 'coupon' })
    .then(sendEmail, { templateId: id }, { id: 'thanks' }));
}, 120_000);
afterAll(() => t?.close());

describe('a referral through the link', () => {
  it('rewards both sides once, after the qualifying period of the friend’s first order', async () => {
    await person('ana');
    const code = await codeOf('ana');
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);

    // The friend opens the link (typed in lower case): a cookie keeps them and the code, the shop gets ?ref=.
    const opened = await open(`/ref/${t.workspaceId}/${code.toLowerCase()}`);
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe(`https://shop.example/welcome?ref=${code}`);
    const cookies = opened.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith(`ag_ref=${code};`))).toContain('HttpOnly');
    const visitor = /ag_aid=([^;]+)/.exec(cookies.join(';'))![1];

    // The shop identifies the visitor: the anonymous opening becomes theirs and recognises them.
    const identified = await fetch(`${t.ingestion.url}/v1/identify`, {
      method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${t.ingestion.key}:`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'bo', anonymousId: visitor, traits: { email: 'bo@example.com', firstName: 'Bo', marketing_consent: true } }),
    });
    expect(identified.status).toBe(200);
    await t.settle();
    expect(await referralOf('bo')).toMatchObject({ referrer: 'ana', state: 'pending', source: 'link' });

    await t.track('bo', 'Order Completed', order('o-bo-1'));
    await t.advance('13 days');
    expect(t.emails()).toHaveLength(0);
    await t.advance('1 day');
    expect(await referralOf('bo')).toMatchObject({ state: 'completed', orderId: 'o-bo-1' });

    const [toAna, ...moreAna] = t.emails('ana@example.com');
    const [toBo, ...moreBo] = t.emails('bo@example.com');
    expect(moreAna).toHaveLength(0);
    expect(moreBo).toHaveLength(0);
    const anaText = toAna.text.replace(/\s+/g, ' ');
    const boText = toBo.text.replace(/\s+/g, ' ');
    expect(anaText).toContain('Hi Ana, thanks for bringing Bo.');
    expect(anaText).toContain(`${t.publicUrl}/ref/${t.workspaceId}/${code} (code ${code})`);
    expect(boText).toContain('Hi Bo, welcome, friend of Ana.');
    const coupons = [anaText, boText].map((s) => /Your coupon: (FRIEND-[A-Z0-9-]+)/.exec(s)?.[1]);
    expect(coupons[0]).toBeTruthy();
    expect(coupons[1]).toBeTruthy();
    expect(coupons[0]).not.toBe(coupons[1]);
    // Bo got a code of his own, made for the email that shows it.
    expect(boText).toContain(`code ${await codeOf('bo')}`);

    const [points] = await t.database.sql<{ points: number; n: number }[]>`
      select coalesce(sum(points), 0)::int as points, count(*)::int as n from loyalty_ledger
      where workspace_id = ${t.workspaceId} and customer_id = 'ana' and kind = 'referral'`;
    expect(points).toEqual({ points: 250, n: 1 });
  });

  it('never completes twice: the job run again, a second order of the friend', async () => {
    await Promise.all([t.engine.runReferrals(), t.engine.runReferrals()]);
    await t.track('bo', 'Order Completed', order('o-bo-2', { coupon: await codeOf('ana') }));
    await t.advance('20 days');
    expect(await completedEvents()).toBe(2);
    expect(t.emails()).toHaveLength(2);
    expect(await referralOf('bo')).toMatchObject({ state: 'completed', orderId: 'o-bo-1' });
  });

  it('sends an unknown code to the shop without ?ref, records nothing, and answers 404 for no workspace', async () => {
    const before = await t.database.sql`select 1 from events where name = 'Referral Link Opened'`;
    const unknown = await open(`/ref/${t.workspaceId}/ZZZZ2222`);
    expect(unknown.status).toBe(302);
    expect(unknown.headers.get('location')).toBe('https://shop.example/welcome');
    expect(unknown.headers.getSetCookie()).toEqual([]);
    expect((await open(`/ref/${t.workspaceId}/%E0%A4%A`)).status).toBe(302);
    expect((await open('/ref/nope/ABCDEFGH')).status).toBe(404);
    expect(await t.database.sql`select 1 from events where name = 'Referral Link Opened'`).toHaveLength(before.length);
  });
});

describe('the guards', () => {
  it('refuses the referrer’s email, address or own code, a refunded first order and an existing customer', async () => {
    const sent = t.emails().length;
    await person('cy');
    await person('cy2', { email: 'Cy+shop@Example.com', referral_code: await codeOf('cy') });
    await t.track('cy2', 'Order Completed', order('o-cy2'));

    await person('di', { address: { street: 'Knez Mihailova 5', city: 'Beograd', postalCode: '11000' } });
    await person('ed');
    await t.track('ed', 'Order Completed', order('o-ed', {
      coupon: (await codeOf('di')).toLowerCase(), shipping_address: { address1: 'knez mihailova 5', zip: '11000', city: 'BEOGRAD' } }));

    await person('fe');
    await t.track('fe', 'Order Completed', order('o-fe', { discount_codes: [{ code: await codeOf('fe') }] }));

    await person('gi');
    await person('ha', { referral_code: await codeOf('gi') });
    await t.track('ha', 'Order Completed', order('o-ha'));

    await person('iv');
    await t.track('iv', 'Order Completed', order('o-iv-old'));
    await t.advance('1 day');
    await t.identify('iv', { referral_code: await codeOf('gi') });
    await t.track('iv', 'Order Completed', order('o-iv'));

    await t.advance('2 days');
    await t.track('ha', 'Order Refunded', { order_id: 'o-ha' });
    await t.advance('15 days');

    expect(await referralOf('cy2')).toMatchObject({ referrer: 'cy', state: 'refused', reason: 'same_email', source: 'identify' });
    expect(await referralOf('ed')).toMatchObject({ referrer: 'di', state: 'refused', reason: 'same_address', source: 'order' });
    expect(await referralOf('fe')).toMatchObject({ referrer: 'fe', state: 'refused', reason: 'self' });
    expect(await referralOf('ha')).toMatchObject({ referrer: 'gi', state: 'refused', reason: 'order_refunded' });
    expect(await referralOf('iv')).toMatchObject({ referrer: 'gi', state: 'refused', reason: 'existing_customer' });
    expect(t.emails()).toHaveLength(sent);
    expect(await completedEvents()).toBe(2);

    // The customer page shows both sides, with the guard that refused.
    expect(await t.api.customers.referrals({ id: 'ed' })).toMatchObject({
      referredBy: { customerId: 'di', name: 'Di', state: 'refused', reason: 'same_address', source: 'order' }, referred: [] });
    expect(await t.api.customers.referrals({ id: 'ana' })).toMatchObject({
      code: await codeOf('ana'), referredBy: null, referred: [{ customerId: 'bo', name: 'Bo', state: 'completed', reason: null }] });

    expect(await t.api.referrals.stats()).toEqual({
      pending: 0, completed: 1,
      refused: { self: 1, same_email: 1, same_address: 1, existing_customer: 1, order_refunded: 1 },
    });
  });
});

it('completes a due referral once with three referrals jobs running at the same moment', async () => {
  await person('jo', { referral_code: await codeOf('ana') });
  await t.track('jo', 'Order Completed', order('o-jo'));
  const emitted = t.emails().length;
  t.clock.set(new Date(t.now().getTime() + 14 * 86_400e3 + 60e3));
  const runs = await Promise.all([t.engine.runReferrals(), t.engine.runReferrals(), t.engine.runReferrals()]);
  expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
  await t.settle();
  expect(await referralOf('jo')).toMatchObject({ referrer: 'ana', state: 'completed', source: 'identify' });
  expect(t.emails().slice(emitted).map((m) => m.to).sort()).toEqual(['ana@example.com', 'jo@example.com']);
  const [points] = await t.database.sql<{ points: number }[]>`
    select sum(points)::int as points from loyalty_ledger where workspace_id = ${t.workspaceId} and customer_id = 'ana' and kind = 'referral'`;
  expect(points.points).toBe(500);
});

it('keeps the qualifying period between 0 and 365 days, naming the field', async () => {
  expect(await t.api.referrals.settings()).toEqual({ qualifyingDays: 14 });
  for (const bad of [-1, 366, 2.5]) {
    const refused = await t.api.referrals.saveSettings({ qualifyingDays: bad }).then(() => null, (err: unknown) => err);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(JSON.stringify(refused)).toContain('qualifyingDays');
  }
  expect(await t.api.referrals.saveSettings({ qualifyingDays: 30 })).toEqual({ qualifyingDays: 30 });
  expect(await t.api.referrals.settings()).toEqual({ qualifyingDays: 30 });
});
