// The hosted My rewards page end to end, through the harness (the /v1 handler, the engine, real
// SMTP, the recipients' pages on real HTTP): an email carries {{ customer.rewardsUrl }}; the page
// shows the balance, the tier and the way to the next, the history by kind, the rewards and the
// referral link; a Redeem form shows the coupon and debits the ledger once even when the same form
// is posted twice; a short balance is a 409 page that says so; a tampered link is a 400 page, an
// expired one a 410 page, never a 5xx.
import { sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storeLoyaltySettings } from './support/loyalty';

const mjml = (text: string) => `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;
const LOYALTY = {
  tiers: { basis: 'points', windowDays: 365, list: [
    { id: 'member', name: 'Member', threshold: 0, benefits: '' },
    { id: 'silver', name: 'Silver <Circle>', threshold: 500, benefits: 'Free shipping on every order' },
  ] },
  rewards: [
    { id: 'ten-off', name: '10% off', points: 200, coupon: { kind: 'percent', value: 10, minOrderTotal: 0, validDays: 30 }, enabled: true },
    { id: 'big', name: 'A gift box', points: 5000, coupon: { kind: 'fixed', value: 50, minOrderTotal: 0, validDays: 30 }, enabled: true },
  ],
};

let t: JourneyTest;
let link: string;

const post = (url: string, form: Record<string, string>) => fetch(url, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(),
});
const debits = () => t.database.sql<{ points: number }[]>`
  select points from loyalty_ledger where workspace_id = ${t.workspaceId} and customer_id = 'ana' and kind = 'redeem'`;
const formKey = (html: string, rewardId: string) => new RegExp(`name="reward" value="${rewardId}"><input type="hidden" name="key" value="([\\w-]+)"`).exec(html)![1];

beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-03-02T09:00:00Z' });
  await storeLoyaltySettings(t.database.sql, t.workspaceId, LOYALTY);
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Points Checked' })
    .then(sendEmail, { subject: 'Your points', preheader: '', kind: 'transactional', body: mjml('<span class="rewards">{{ customer.rewardsUrl }}</span>') }));
  await t.identify('ana', { email: 'ana@example.com', firstName: 'Ana' });
  await t.database.sql`insert into loyalty_ledger (workspace_id, customer_id, points, reason, kind, created_at) values
    (${t.workspaceId}, 'ana', 300, 'Order o-1', 'order', ${t.now()}), (${t.workspaceId}, 'ana', 50, 'Product <review>', 'review', ${t.now()})`;
  await t.track('ana', 'Points Checked', {});
  await t.settle();
  link = /<span class="rewards">([^<]+)<\/span>/.exec(t.emails('ana@example.com')[0].html)![1];
}, 120_000);
afterAll(() => t?.close());

it('links the email to the signed page, which shows balance, tier, history, rewards and the referral link', async () => {
  expect(link).toMatch(new RegExp(`^${t.publicUrl}/w/[\\w-]+\\.[\\w-]{43}$`));
  const res = await fetch(link);
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain('data-testid="rewards-balance">350 points<');
  expect(html).toContain('data-testid="rewards-tier">Member<');
  expect(html).toContain('150 more points to Silver &lt;Circle&gt;');
  expect(html).toContain('aria-valuenow="70"');
  expect(html).toMatch(/Review<span>Product &lt;review&gt; · .*<b>\+50<\/b>/);
  expect(html).toContain('Order<span>Order o-1');
  expect(html).toMatch(/<b>10% off<\/b><span>200 points<\/span>/);
  expect(html).toMatch(/data-testid="redeem-big" disabled|disabled data-testid="redeem-big"/);
  const [{ code }] = await t.database.sql<{ code: string }[]>`select code from referral_codes where workspace_id = ${t.workspaceId} and customer_id = 'ana'`;
  expect(html).toContain(`value="${t.publicUrl}/ref/${t.workspaceId}/${code}"`);
  expect(html).toContain(`data-testid="rewards-referral-code">${code}<`);
  expect(html).not.toContain('<script');
});

it('speaks the customer\'s language', async () => {
  await t.identify('ana', { locale: 'sr-RS' });
  expect(await (await fetch(link)).text()).toContain('350 бодова');
  expect(await (await fetch(`${link}?lang=sl`)).text()).toContain('Zgodovina točk');
  await t.identify('ana', { locale: 'en' });
});

it('redeems a reward once, showing the coupon, even when the same form is posted twice', async () => {
  const key = formKey(await (await fetch(link)).text(), 'ten-off');
  const [first, second] = await Promise.all([post(link, { reward: 'ten-off', key }), post(link, { reward: 'ten-off', key })]);
  expect([first.status, second.status]).toEqual([200, 200]);
  const [a, b] = [await first.text(), await second.text()];
  const code = /data-testid="rewards-coupon">([A-Z0-9]+)</.exec(a)![1];
  expect(/data-testid="rewards-coupon">([A-Z0-9]+)</.exec(b)![1]).toBe(code);
  expect(a).toContain('10% off: enter this code at checkout.');
  expect(await debits()).toEqual([{ points: -200 }]);
  expect(b).toContain('data-testid="rewards-balance">150 points<');
  const [event] = await t.database.sql`select properties from events where workspace_id = ${t.workspaceId} and name = 'Reward Redeemed'`;
  expect(event.properties).toMatchObject({ coupon_code: code, balance: 150 });
});

it('refuses a reward the balance does not cover with a 409 page that says why, and bad forms with a 400', async () => {
  const html = await (await fetch(link)).text();
  const short = await post(link, { reward: 'ten-off', key: formKey(html, 'ten-off') });
  expect(short.status).toBe(409);
  expect(await short.text()).toContain('Not enough points for 10% off: it costs 200 points, your balance is 150.');
  expect((await post(link, { reward: 'nope', key: formKey(html, 'big') })).status).toBe(404);
  expect((await post(link, { reward: 'ten-off', key: '<x>' })).status).toBe(400);
  expect(await debits()).toEqual([{ points: -200 }]);
});

it('answers a tampered link with a 400 page and an expired one with a 410 page', async () => {
  const [body, signature] = link.split('/w/')[1].split('.');
  const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), c: 'bo' })).toString('base64url');
  expect((await fetch(`${t.publicUrl}/w/${other}.${signature}`)).status).toBe(400);
  expect((await post(`${t.publicUrl}/w/${other}.${signature}`, { reward: 'ten-off', key: 'abcdefgh' })).status).toBe(400);
  await t.advance('91 days');
  const expired = await fetch(link);
  expect(expired.status).toBe(410);
  expect(await expired.text()).toContain('This link to My rewards has expired');
});
