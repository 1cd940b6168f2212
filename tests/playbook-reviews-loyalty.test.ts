// The playbook's reviews, loyalty and referral journeys (DOMAIN.md 2, 3, 11, 12), built as a
// marketer builds them: built-in steps, starter templates and the settings screens' procedures,
// fed shop events through the whole harness (the /v1 handler, the hosted pages on real HTTP, the
// engine's jobs at each stop of a manual clock, real SMTP). Each test says what the customer and
// the staff find in their inboxes, and when.
import { alertStaff, issueCoupon, sendEmail, triggerOnEvent, wait } from '@afterglow/nodes';
import { expect, it } from 'vitest';
import { at, customer, email, inbox, order, received, shop, starter, subjects, t } from './support/playbook';

/** Sends the hosted review form at `url` as a phone's browser would. */
const review = (url: string, form: Record<string, string>) => fetch(url, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(),
});
/** The review links of a review request, in the order of its items (its text part shows where each tracked link leads). */
const reviewLinks = (mail: { text: string }) => [...mail.text.matchAll(/\((http\S+\/r\/\S+)\)/g)].map((m) => m[1]);
const boots = [{ product_id: 'boot', name: 'Trail boot', price: 80 }, { product_id: 'wax', name: 'Boot wax', price: 15 }];

it('2. review request 7–15 days after delivery, straight to a form for the items bought', async () => {
  await shop();
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'order_delivered', entryKeyProperty: 'order_id' })
    .then(wait, { mode: 'window', from: 'trigger', minDays: 7, maxDays: 15, atHour: 10 })
    .then(sendEmail, { templateId: await starter('review-request') }));
  await customer('ana');
  await t.track('ana', 'Order Completed', order('o-1', boots));
  await t.track('ana', 'order_delivered', { order_id: 'o-1' });
  await t.advance(at('2026-03-09T09:59:00Z'));
  expect(t.emails()).toEqual([]);
  await t.advance(at('2026-03-18T00:00:00Z'));
  const [[subject, sentAt]] = await received('ana');
  expect(sentAt >= '2026-03-09T10:00:00.000Z' && sentAt <= '2026-03-17T10:00:00.000Z' && sentAt.endsWith('T10:00:00.000Z'), sentAt).toBe(true);
  const [mail] = t.emails('ana@example.com');
  expect(mail.subject).toBe(subject);
  const links = reviewLinks(mail);
  expect(links.map((l) => new URL(l).searchParams.get('product'))).toEqual(['boot', 'wax']);

  // The first item's link opens the form with that item first; one form reviews both.
  const page = await (await fetch(links[0])).text();
  expect(page.indexOf('Trail boot')).toBeLessThan(page.indexOf('Boot wax'));
  expect((await review(links[0], { rating_0: '5', text_0: 'Dry feet all week', rating_1: '4' })).status).toBe(200);
  const stored = await t.database.sql`select product_id, rating, text from reviews where workspace_id = ${t.workspaceId} order by product_id`;
  expect(stored.map((r) => [r.product_id, r.rating, r.text])).toEqual([['boot', 5, 'Dry feet all week'], ['wax', 4, '']]);
});

it('3. negative review rescue: staff alerted with the words, a goodwill coupon the customer then uses', async () => {
  await shop({ settings: { testRecipients: ['care@shop.example'] } });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Review Submitted', entryKeyProperty: 'review_id', filters: [{ property: 'rating', op: 'less_than', value: '3' }] })
    .then(alertStaff, { to: 'address', address: 'care@shop.example', note: 'Call them today' })
    .then(issueCoupon, { kind: 'percent', value: 20, prefix: 'SORRY', validDays: 30 })
    .then(sendEmail, email('We are sorry about your {{ event.product_name }}', 'Please take {{ coupon.code }} for 20% off, and reply to tell us more.', { kind: 'transactional' })));
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'order_delivered', entryKeyProperty: 'order_id' })
    .then(sendEmail, { templateId: await starter('review-request') }));
  await customer('ana');
  await t.track('ana', 'Order Completed', order('o-1', boots));
  await t.track('ana', 'order_delivered', { order_id: 'o-1' });
  await t.settle();
  const [request] = t.emails('ana@example.com');
  expect((await review(reviewLinks(request)[0], { rating_0: '2', text_0: 'The sole came off', rating_1: '5' })).status).toBe(200);
  await t.settle();

  // One alert, for the low rating only, with the customer's own words.
  const alerts = t.emails('care@shop.example');
  expect(alerts).toHaveLength(1);
  expect(alerts[0].text).toContain('The sole came off');
  expect(alerts[0].text).toContain('Call them today');
  const [, sorry] = inbox('ana');
  expect(sorry[0]).toBe('We are sorry about your Trail boot');
  const code = /take (SORRY-[A-Z0-9]+) for 20% off/.exec(sorry[1])?.[1];
  expect(code).toEqual(expect.any(String));
  expect(subjects('ana')).toHaveLength(2);

  // The coupon buys the next order, and is spent.
  await t.track('ana', 'Order Completed', order('o-2', [{ product_id: 'boot', name: 'Trail boot', price: 80 }], { coupon: code!.toLowerCase() }));
  await t.settle();
  const [coupon] = await t.database.sql`select redeemed_order_id from coupons where workspace_id = ${t.workspaceId} and code = ${code!}`;
  expect(coupon.redeemed_order_id).toBe('o-2');
});

it('12. referrals: the customer\'s link in an email brings a friend; after 14 days both are rewarded, a self-referral never', async () => {
  await shop({ settings: { shop: { name: 'Trail shop', url: 'https://shop.example', locale: 'en' } } });
  const programme = await t.api.loyalty.settings();
  await t.api.loyalty.saveSettings({ ...programme, earning: { ...programme.earning, referral: { enabled: true, points: 300 } } });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(sendEmail, email('Thank you, {{ customer.firstName }}', 'Give a friend 15% off: {{ customer.referralUrl }}')));
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Referral Completed' })
    .then(issueCoupon, { kind: 'percent', value: 15, prefix: 'FRIEND', validDays: 30 })
    .then(sendEmail, email('A gift for you', '{% if event.role == "referrer" %}Thanks for bringing {{ event.friend_first_name }}{% else %}Welcome, friend of {{ event.referrer_first_name }}{% endif %}: {{ coupon.code }}')));
  await customer('ana');
  await t.track('ana', 'Order Completed', order('o-ana', boots));
  await t.settle();
  const link = /friend 15% off: (\S+\/ref\/\S+)$/.exec(inbox('ana')[0][1])?.[1];
  expect(link).toEqual(expect.any(String));

  // Bo follows Ana's link, becomes a customer and orders; Ana tries her own code on her next order.
  const opened = await fetch(link!, { redirect: 'manual' });
  expect(opened.headers.get('location')).toMatch(/^https:\/\/shop\.example\/?\?ref=[A-Z2-9]{8}$/);
  const visitor = /ag_aid=([^;]+)/.exec(opened.headers.getSetCookie().join(';'))![1];
  await t.identify('bo', { email: 'bo@example.com', firstName: 'Bo', marketing_consent: true }, { anonymousId: visitor });
  await t.track('bo', 'Order Completed', order('o-bo', [{ product_id: 'wax', name: 'Boot wax', price: 15 }]));
  const code = new URL(opened.headers.get('location')!).searchParams.get('ref')!;
  await t.track('ana', 'Order Completed', order('o-ana-2', boots, { coupon: code }));
  await t.advance('13 days');
  expect(subjects('ana')).not.toContain('A gift for you');
  await t.advance('1 day');
  expect(inbox('ana').filter(([s]) => s === 'A gift for you').map(([, text]) => text)).toEqual([expect.stringMatching(/^Thanks for bringing Bo: FRIEND-/)]);
  expect(inbox('bo').filter(([s]) => s === 'A gift for you').map(([, text]) => text)).toEqual([expect.stringMatching(/^Welcome, friend of Ana: FRIEND-/)]);
  const [points] = await t.database.sql`select coalesce(sum(points), 0)::int as points from loyalty_ledger
    where workspace_id = ${t.workspaceId} and customer_id = 'ana' and kind = 'referral'`;
  expect(points.points).toBe(300);
  await t.advance('30 days');
  expect(subjects('ana').filter((s) => s === 'A gift for you')).toHaveLength(1);
});

it('11. loyalty: points for an order and a review, a tier with its benefits, a reward bought with points, a reminder before they expire', async () => {
  await shop();
  const programme = await t.api.loyalty.settings();
  await t.api.loyalty.saveSettings({
    ...programme,
    earning: { ...programme.earning, orders: { enabled: true, pointsPerUnit: 1 }, review: { enabled: true, points: 50 } },
    tiers: { basis: 'points', windowDays: 0, list: [
      { id: 'member', name: 'Member', threshold: 0, benefits: '' },
      { id: 'silver', name: 'Silver Circle', threshold: 150, benefits: 'Free shipping on every order' },
      { id: 'gold', name: 'Gold Circle', threshold: 500, benefits: 'A personal shopper' },
    ] },
    rewards: [{ id: 'ten', name: '10% off', points: 100, coupon: { kind: 'percent', value: 10, minOrderTotal: 0, validDays: 30 }, enabled: true }],
    expiry: { enabled: true, monthsInactive: 6, remindDaysBefore: 14 },
  });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Loyalty Tier Changed', filters: [{ property: 'direction', op: 'equals', value: 'up' }] })
    .then(sendEmail, email('Welcome to {{ event.to_tier_name }}', '{{ loyalty.benefits }}. {{ loyalty.pointsToNextTier }} points to {{ loyalty.nextTier }}.')));
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Reward Redeemed' })
    .then(sendEmail, email('Your reward', '{{ event.reward_name }}: {{ event.coupon_code }}. {{ event.balance }} points left.', { kind: 'transactional' })));
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Points Expiring' })
    .then(sendEmail, email('Your points expire soon', '{{ event.points }} points expire in {{ event.days_left }} days.')));
  await customer('ana');
  await t.track('ana', 'Order Completed', order('o-1', [{ product_id: 'boot', name: 'Trail boot', price: 120 }]));
  await t.advance('1 hour');
  expect(subjects('ana')).toEqual([]);
  await t.track('ana', 'Review Submitted', { review_id: 'r-1', product_id: 'boot', rating: 5, order_id: 'o-1' });
  await t.advance('1 hour');
  expect(inbox('ana')).toEqual([['Welcome to Silver Circle', 'Free shipping on every order. 330 points to Gold Circle.']]);

  // The shop's backend spends 100 points on the reward: a coupon, and the customer is told.
  const redeemed = await fetch(`${t.ingestion.url}/v1/loyalty/redeem`, {
    method: 'POST', body: JSON.stringify({ userId: 'ana', rewardId: 'ten' }),
    headers: { authorization: `Basic ${Buffer.from(`${t.ingestion.key}:`).toString('base64')}`, 'content-type': 'application/json' },
  });
  expect(redeemed.status).toBe(200);
  const { coupon, balance } = await redeemed.json() as { coupon: { code: string }; balance: number };
  expect(balance).toBe(70);
  await t.advance('1 hour');
  expect(inbox('ana')[1]).toEqual(['Your reward', `10% off: ${coupon.code}. 70 points left.`]);

  // Quiet for six months since the redemption (2 March, 11:00): reminded two weeks before, then the points are gone.
  await t.advance(at('2026-08-19T10:59:00Z'));
  expect(subjects('ana')).toHaveLength(2);
  await t.advance(at('2026-08-20T00:00:00Z'));
  expect(inbox('ana')[2]).toEqual(['Your points expire soon', '70 points expire in 14 days.']);
  await t.advance(at('2026-09-03T00:00:00Z'));
  const [left] = await t.database.sql`select coalesce(sum(points), 0)::int as points from loyalty_ledger where workspace_id = ${t.workspaceId} and customer_id = 'ana'`;
  expect(left.points).toBe(0);
  expect(subjects('ana')).toHaveLength(3);
});
