// The playbook of /work/shared/DOMAIN.md, journey by journey, as a marketer builds each one: only
// built-in steps and what their forms set, published and fed shop events through the whole harness
// (the /v1 handler, the tRPC procedures, the engine's jobs at each stop of a manual clock, real
// SMTP). Each test says what the customer finds in the inbox, and when. Reviews, loyalty and
// referrals (journeys 2, 3, 11, 12) are in playbook-reviews-loyalty.test.ts.
import {
  abSplit, hasBought, holdout, issueCoupon, multiSplit, propertyCondition, sendEmail, triggerBroadcast, triggerDate,
  triggerOnEvent, triggerSchedule, triggerSegmentEntered, waitForEventNode, wait, waitReplenishment,
} from '@afterglow/nodes';
import { expect, it } from 'vitest';
import { at, customer, email, inbox, link, mjml, order, received, shop, starter, subjects, t } from './support/playbook';

it('1. order confirmation and shipping notice, from the starter templates', async () => {
  await shop({ settings: { shop: { name: 'Trail shop', url: 'https://shop.example', locale: 'en' } } });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(sendEmail, { templateId: await starter('order-confirmation') }));
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'order_shipped', entryKeyProperty: 'order_id' })
    .then(sendEmail, { templateId: await starter('shipping-notice') }));
  await customer('ana');

  await t.track('ana', 'Order Completed', order('1001', [
    { product_id: 'p1', name: 'Trail shoes', price: 80, quantity: 1, image_url: 'https://cdn.shop.example/p1.jpg' },
    { product_id: 'p2', name: 'Socks', price: 5, quantity: 2, image_url: 'https://cdn.shop.example/p2.jpg' },
  ]));
  const [confirmation] = t.emails('ana@example.com');
  expect(confirmation.subject).toBe('Your order 1001 is confirmed, Ana');
  expect(confirmation.text.replace(/\s+/g, ' ')).toMatch(/Trail shoes.*1 × €80\.00.*Socks.*2 × €5\.00.*Total: €90\.00/);
  expect(confirmation.html).toContain('src="https://cdn.shop.example/p2.jpg"');
  await t.advance('1 day');
  await t.track('ana', 'order_shipped', { order_id: '1001', tracking_company: 'DHL', tracking_number: 'JD014600', tracking_url: 'https://dhl.example/t/JD014600' });
  const [, shipped] = t.emails('ana@example.com');
  expect(shipped.subject).toBe('Good news, Ana: your order is on its way');
  expect(link(shipped, 'Track your parcel')).toBe('https://dhl.example/t/JD014600');
  expect(link(shipped, 'read our blog')).toBe('https://shop.example/blog');
  expect(await received('ana')).toEqual([['Your order 1001 is confirmed, Ana', '2026-03-02T09:00:00.000Z'], [shipped.subject, '2026-03-03T09:00:00.000Z']]);
});

it('4. replenishment: a customer with her own history is reminded a week before her next purchase is due', async () => {
  await shop({ start: '2026-01-05T09:00:00Z' });
  await customer('ada', { timezone: 'Europe/Belgrade' });
  const serum = { product_id: 'serum', name: 'Night serum', category: 'Cosmetics > Skin', price: 20 };
  // Her history before the journey exists: the serum on 5 January and 4 February.
  await t.track('ada', 'Order Completed', order('a1', [serum]));
  await t.advance('30 days');
  await t.track('ada', 'Order Completed', order('a2', [serum]));
  await t.advance('30 days');
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(waitReplenishment, { for: 'order-products', leadDays: 7, atHour: 10, fallbackDays: 60 })
    .then(sendEmail, email('Running low on {{ event.products[0].name }}?', 'Hi {{ customer.firstName }}, time to restock.')));
  await t.track('ada', 'Order Completed', order('a3', [serum])); // 6 March: every 30 days, so the next on 5 April

  await t.advance(at('2026-03-29T07:59:00Z'));
  expect(subjects('ada')).toEqual([]);
  await t.advance('1 hour');
  // A week before 5 April, at 10:00 in Belgrade (UTC+2 by then).
  expect(await received('ada')).toEqual([['Running low on Night serum?', '2026-03-29T08:00:00.000Z']]);
  expect(inbox('ada')[0][1]).toBe('Hi Ada, time to restock.');
});

it('5. birthday with a coupon at 09:00 in the customer\'s zone, and a yearly holiday on 8 March', async () => {
  await shop();
  const everyone = await t.segment({ kind: 'attribute', field: 'email', op: 'exists' }, 'Everyone');
  await t.publish(t.journey()
    .trigger(triggerDate, { source: 'birthday', when: 'on', repeat: 'yearly', hour: 9 })
    .then(issueCoupon, { kind: 'percent', value: 15, prefix: 'BDAY', validDays: 14 })
    .then(sendEmail, email('Happy birthday, {{ customer.firstName }}!', 'A gift: {{ coupon.description }} with {{ coupon.code }}.')));
  await t.publish(t.journey()
    .trigger(triggerSchedule, { segmentId: everyone, every: 'yearly', month: '3', dayOfMonth: 8, time: '10:00' })
    .then(sendEmail, email('Happy 8 March', 'Flowers are on us this week.')));
  await customer('ana', { timezone: 'Europe/Belgrade', birthday: '1990-03-05' });
  await customer('bob', { timezone: 'America/New_York', birthday: '1985-03-05' });

  await t.advance(at('2026-03-05T07:59:00Z'));
  expect(t.emails()).toEqual([]);
  await t.advance(at('2026-03-05T08:00:00Z')); // 09:00 in Belgrade
  expect(subjects('ana')).toEqual(['Happy birthday, Ana!']);
  expect(subjects('bob')).toEqual([]);
  await t.advance(at('2026-03-05T14:00:00Z')); // 09:00 in New York
  expect(await received('bob')).toEqual([['Happy birthday, Bob!', '2026-03-05T14:00:00.000Z']]);
  const codes = ['ana', 'bob'].map((c) => /^A gift: 15% off your next order with (BDAY-[A-Z0-9]+)\.$/.exec(inbox(c)[0][1])?.[1]);
  expect(codes).toEqual([expect.any(String), expect.any(String)]);
  expect(codes[0]).not.toBe(codes[1]);

  await t.advance(at('2026-03-08T09:00:00Z')); // 10:00 in Belgrade
  await t.advance(at('2026-03-08T13:59:00Z'));
  expect(subjects('bob')).toEqual(['Happy birthday, Bob!']);
  await t.advance(at('2026-03-08T14:00:00Z')); // 10:00 in New York, on summer time (UTC-4) since 02:00 that night
  expect(await received('ana')).toEqual([['Happy birthday, Ana!', '2026-03-05T08:00:00.000Z'], ['Happy 8 March', '2026-03-08T09:00:00.000Z']]);
  expect((await received('bob'))[1]).toEqual(['Happy 8 March', '2026-03-08T14:00:00.000Z']);
});

it('6. cross-sell: accessories others bought with a Sony camera, care tips for leather', async () => {
  await shop({ settings: { shop: { name: 'Foto', url: 'https://foto.example', locale: 'en' } } });
  // What other customers bought together: the Alpha 7 with a lens, twice.
  const a7 = { product_id: 'a7', name: 'Alpha 7', brand: 'Sony', category: 'Cameras', price: 1500 };
  const lens = { product_id: 'fe50', name: 'FE 50mm lens', brand: 'Sony', category: 'Lenses', price: 300, image_url: 'https://cdn.foto.example/fe50.jpg' };
  for (const c of ['ivo', 'eva']) await t.track(c, 'Order Completed', order(`o-${c}`, [a7, lens]));
  const crossSell = await starter('cross-sell');
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(wait, { amount: 2, unit: 'days' })
    .then(hasBought, { what: 'brand', value: 'Sony', withinDays: 30 }, { id: 'sony' })
    .branch('yes', (b) => b.then(sendEmail, { templateId: crossSell }))
    .branch('no', (b) => b.then(hasBought, { what: 'category', value: 'Leather goods', withinDays: 30 }, { id: 'leather' })
      .branch('yes', (y) => y.then(sendEmail, email('Caring for your leather shoes', 'Polish them once a month.')))));
  for (const c of ['sara', 'lena', 'tom']) await customer(c);
  await t.track('sara', 'Order Completed', order('s1', [a7]));
  await t.track('lena', 'Order Completed', order('l1', [{ product_id: 'oxf', name: 'Oxfords', brand: 'Clarks', category: 'Leather goods > Shoes', price: 120 }]));
  await t.track('tom', 'Order Completed', order('t1', [{ product_id: 'pen', name: 'Pen', brand: 'Bic', category: 'Office', price: 2 }]));
  await t.advance('1 day');
  expect(t.emails()).toEqual([]);
  await t.advance('1 day');
  expect(await received('sara')).toEqual([['Sara, these go perfectly with your order', '2026-03-04T09:00:00.000Z']]);
  expect(inbox('sara')[0][1]).toMatch(/customers who bought Alpha 7 also loved these: Frequently bought together .*FE 50mm lens.*€300\.00/);
  expect(t.emails('sara@example.com')[0].html).toContain('src="https://cdn.foto.example/fe50.jpg"');
  expect(inbox('lena')).toEqual([['Caring for your leather shoes', 'Polish them once a month.']]);
  expect(subjects('tom')).toEqual([]);
});

it('6. cross-sell by Split by rules on the order\'s lines: any line in the category counts', async () => {
  await shop();
  const onCategory = (name: string, category: string) => ({
    ...propertyCondition.defaults, id: name.toLowerCase(), name, source: 'event' as const, eventProperty: 'products.category', operator: 'contains' as const, value: category,
  });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(multiSplit, { rules: [onCategory('Camera', 'Cameras'), onCategory('Leather', 'Leather')] }, { id: 'split' })
    .branch('rule:camera', (b) => b.then(sendEmail, email('Lenses for your camera', 'Three lenses that fit it.')))
    .branch('rule:leather', (b) => b.then(sendEmail, email('Caring for your leather shoes', 'Polish them once a month.'))));
  for (const c of ['sara', 'lena', 'tom']) await customer(c);
  // The camera is the order's second line.
  await t.track('sara', 'Order Completed', order('s1', [{ product_id: 'bag', name: 'Bag', category: 'Bags', price: 40 }, { product_id: 'a7', name: 'Alpha 7', category: 'Cameras', price: 1500 }]));
  await t.track('lena', 'Order Completed', order('l1', [{ product_id: 'oxf', name: 'Oxfords', category: 'Leather goods > Shoes', price: 120 }]));
  await t.track('tom', 'Order Completed', order('t1', [{ product_id: 'pen', name: 'Pen', category: 'Office', price: 2 }]));
  await t.advance('1 minute');
  expect(subjects('sara')).toEqual(['Lenses for your camera']);
  expect(subjects('lena')).toEqual(['Caring for your leather shoes']);
  expect(subjects('tom')).toEqual([]);
});

it('7. interest segments: Red Star jersey buyers hear first about the club\'s new products', async () => {
  await shop();
  const fans = await t.segment({ kind: 'bought', what: 'brand', value: 'Red Star' }, 'Red Star fans');
  await t.publish(t.journey()
    .trigger(triggerSegmentEntered, { segmentId: fans })
    .then(wait, { amount: 1, unit: 'days' })
    .then(sendEmail, email('Red Star: the new away kit, before anyone else', 'Pre-order it today, {{ customer.firstName }}.')));
  await customer('marko');
  await customer('ivan');
  await t.track('marko', 'Order Completed', order('m1', [{ product_id: 'jersey', name: 'Home jersey', brand: 'Red Star', category: 'Football', price: 70 }]));
  await t.track('ivan', 'Order Completed', order('i1', [{ product_id: 'ball', name: 'Ball', brand: 'Adidas', category: 'Football', price: 30 }]));
  await t.advance('2 days');
  expect(inbox('marko')).toEqual([['Red Star: the new away kit, before anyone else', 'Pre-order it today, Marko.']]);
  expect(subjects('ivan')).toEqual([]);
});

it('8. weekly promotion, Mondays at 10:00, three weeks running, within the workspace\'s cap', async () => {
  await shop({ settings: { frequencyCap: { enabled: true, maxEmails: 1, perDays: 7 } } });
  const buyers = await t.segment({ kind: 'orders', measure: 'count', op: 'gte', value: 1 }, 'Buyers');
  await t.publish(t.journey()
    .trigger(triggerSchedule, { segmentId: buyers, every: 'weekly', monday: true, time: '10:00', timeZone: 'Europe/Belgrade' })
    .then(sendEmail, email('This week\'s offers', 'Hi {{ customer.firstName }}, this week: 20% off running.', { topic: 'offers' })));
  // A second marketing journey in the same week: the cap (one a week) holds it back.
  const nudge = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Viewed Product' })
    .then(sendEmail, email('Still thinking about it?', 'It is still here.'), { id: 'nudge' }));
  await customer('ana');
  await customer('ivo'); // never bought: not in the segment
  await t.track('ana', 'Order Completed', order('a1', [{ product_id: 'p', name: 'Cap', price: 10 }]));

  await t.advance(at('2026-03-04T12:00:00Z'));
  await t.track('ana', 'Viewed Product', { product_id: 'shoes' });
  await t.advance(at('2026-03-17T00:00:00Z')); // one jump: advance stops at each hour a schedule may fall due
  // 10:00 in Belgrade (UTC+1) on 2, 9 and 16 March; the view on Wednesday got nothing.
  expect(await received('ana')).toEqual(['02', '09', '16'].map((d) => ['This week\'s offers', `2026-03-${d}T09:00:00.000Z`]));
  expect(subjects('ivo')).toEqual([]);
  expect(await t.counters(nudge, 'nudge')).toMatchObject({ capped: 1 });
});

it('9. satisfaction survey between 7 and 15 days after delivery, at 10:00', async () => {
  await shop();
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'order_delivered', entryKeyProperty: 'order_id' })
    .then(wait, { mode: 'window', from: 'trigger', minDays: 7, maxDays: 15, atHour: 10 })
    .then(sendEmail, email('How do you like your order?', 'Two questions, one minute.', { topic: 'reviews' })));
  const people = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
  for (const c of people) await customer(c);
  for (const c of people) await t.track(c, 'order_delivered', { order_id: `o-${c}`, tracking_number: 'X1' });
  await t.advance(at('2026-03-09T08:59:00Z'));
  expect(t.emails()).toEqual([]);
  await t.advance(at('2026-03-18T00:00:00Z'));
  const times = (await Promise.all(people.map(received))).map((mails) => {
    expect(mails.map((m) => m[0])).toEqual(['How do you like your order?']);
    return mails[0][1];
  });
  // 10:00 (UTC here) on a day from 9 March (7 days on) to 17 March (15 days on), not all on one day.
  for (const time of times) expect(time >= '2026-03-09T10:00:00.000Z' && time <= '2026-03-17T10:00:00.000Z' && time.endsWith('T10:00:00.000Z'), time).toBe(true);
  expect(new Set(times).size).toBeGreaterThan(1);
});

it('10. pre-order invitation with a unique coupon to a segment, by broadcast', async () => {
  await shop();
  const runners = await t.segment({ kind: 'bought', what: 'category', value: 'Running' }, 'Runners');
  for (const c of ['ana', 'bob', 'cid', 'dan']) await customer(c);
  for (const c of ['ana', 'bob', 'cid']) await t.track(c, 'Order Completed', order(`o-${c}`, [{ product_id: 'r', name: 'Racer', category: 'Running > Shoes', price: 100 }]));
  await t.publish(t.journey()
    .trigger(triggerBroadcast, { segmentId: runners })
    .then(issueCoupon, { kind: 'fixed', value: 20, prefix: 'PRE', validDays: 30 })
    .then(sendEmail, email('Pre-order the Racer 2 before launch', 'Your code {{ coupon.code }} takes 20 off.', { topic: 'new_products' })));
  await t.advance('1 minute');
  const codes = ['ana', 'bob', 'cid'].map((c) => {
    const [[subject, text], ...more] = inbox(c);
    expect([subject, more]).toEqual(['Pre-order the Racer 2 before launch', []]);
    return /Your code (PRE-[A-Z0-9]+) takes 20 off\./.exec(text)?.[1];
  });
  expect(codes).toEqual(Array(3).fill(expect.any(String)));
  expect(new Set(codes).size).toBe(3);
  expect(subjects('dan')).toEqual([]);
});

it('13. win-back: a coupon after 60 days without an order, a reminder if no order follows in 7 days', async () => {
  await shop();
  const lapsed = await t.segment({ kind: 'orders', measure: 'daysSinceLastOrder', op: 'gte', value: 60 }, 'No order in 60 days');
  await t.publish(t.journey()
    .trigger(triggerSegmentEntered, { segmentId: lapsed })
    .then(issueCoupon, { kind: 'percent', value: 20, prefix: 'BACK' })
    .then(sendEmail, email('We miss you', '20% off with {{ coupon.code }}.'))
    .then(waitForEventNode, { event: 'Order Completed', matchTriggerProperty: '', timeoutAmount: 7, timeoutUnit: 'days' })
    .branch('timed_out', (b) => b.then(sendEmail, email('Your 20% ends soon', '{{ coupon.code }} is still yours.'))));
  await customer('ana');
  await customer('bob');
  for (const c of ['ana', 'bob']) await t.track(c, 'Order Completed', order(`o-${c}`, [{ product_id: 'p', name: 'Mug', price: 12 }]));
  await t.advance('59 days');
  expect(t.emails()).toEqual([]);
  await t.advance('2 days');
  expect([subjects('ana'), subjects('bob')]).toEqual([['We miss you'], ['We miss you']]);
  const code = /with (BACK-[A-Z0-9]+)\./.exec(inbox('bob')[0][1])?.[1];
  await t.track('ana', 'Order Completed', order('o-ana-2', [{ product_id: 'p', name: 'Mug', price: 12 }]));
  await t.advance('8 days');
  expect(subjects('ana')).toEqual(['We miss you']);
  expect(inbox('bob')[1]).toEqual(['Your 20% ends soon', `${code} is still yours.`]);
});

it('13. abandoned checkout: the cart and its recovery link, a reminder a day later unless they ordered', async () => {
  await shop({ settings: { checkouts: { abandonedAfterMinutes: 60 } } });
  await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Checkout Abandoned', entryKeyProperty: 'checkout_id' })
    .then(sendEmail, { subject: 'You left something behind', topic: 'offers',
      body: mjml('Your cart:{% for p in event.products %} {{ p.quantity }} × {{ p.name }};{% endfor %} {{ event.total | money }}.',
        { label: 'Back to your cart', href: '{{ event.recovery_url }}' }) })
    .then(waitForEventNode, { event: 'Order Completed', matchTriggerProperty: '', timeoutAmount: 1, timeoutUnit: 'days' })
    .branch('timed_out', (b) => b.then(sendEmail, email('Still yours, for now', 'Finish here: {{ event.recovery_url }}'))));
  await customer('ana');
  await customer('ivo');
  const cart = (id: string) => ({ checkout_id: id, total: 90, currency: 'EUR', recovery_url: `https://shop.example/checkouts/${id}/recover`,
    products: [{ product_id: 'p1', name: 'Trail shoes', price: 80, quantity: 1 }, { product_id: 'p2', name: 'Socks', price: 5, quantity: 2 }] });
  await t.track('ana', 'Checkout Started', cart('k-ana'));
  await t.track('ivo', 'Checkout Started', cart('k-ivo'));
  await t.advance('59 minutes');
  expect(t.emails()).toEqual([]);
  await t.advance('2 minutes');
  expect(inbox('ana')).toEqual([['You left something behind',
    'Your cart: 1 × Trail shoes; 2 × Socks; €90.00. Back to your cart (https://shop.example/checkouts/k-ana/recover)']]);
  await t.track('ivo', 'Order Completed', order('o-ivo', [{ product_id: 'p1', name: 'Trail shoes', price: 80 }]));
  await t.advance('1 day');
  expect(inbox('ana')[1]).toEqual(['Still yours, for now', 'Finish here: https://shop.example/checkouts/k-ana/recover']);
  expect(subjects('ivo')).toEqual(['You left something behind']);
});

it('14. thank-you with cross-sell right after the order: an A/B test of two offers, and a holdout that gets nothing', async () => {
  await shop({ settings: { shop: { name: 'Trail shop', url: 'https://shop.example', locale: 'en' } } });
  const shoe = { product_id: 'shoe', name: 'Trail shoes', price: 60 };
  await t.track('old', 'Order Completed', order('o-old', [shoe, { product_id: 'socks', name: 'Merino socks', price: 12 }]));
  const crossSell = await starter('cross-sell');
  const j = await t.publish(t.journey()
    .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(holdout, { percent: 20 }, { id: 'holdout' })
    .then(abSplit, { arms: [{ id: 'a', name: 'Discount', weight: 50 }, { id: 'b', name: 'Bought together', weight: 50 }] }, { id: 'ab' })
    .branch('a', (b) => b.then(issueCoupon, { kind: 'percent', value: 10, prefix: 'THANKS' })
      .then(sendEmail, email('Thank you! 10% off your next order', 'Code {{ coupon.code }}.')))
    .branch('b', (b) => b.then(sendEmail, { templateId: crossSell })));
  const people = Array.from({ length: 40 }, (_, i) => `c${i}`);
  for (const c of people) await customer(c);
  for (const c of people) await t.track(c, 'Order Completed', order(`o-${c}`, [shoe]));

  const got = people.flatMap((c) => inbox(c).map(([subject, text]) => ({ c, subject, text })));
  const held = people.filter((c) => subjects(c).length === 0);
  expect(got.length + held.length).toBe(40); // one email each, or none
  const [a, b] = [got.filter((m) => m.subject.startsWith('Thank you!')), got.filter((m) => m.subject.endsWith('go perfectly with your order'))];
  expect(a.length + b.length).toBe(got.length);
  expect(a.map((m) => m.text)).toEqual(a.map(() => expect.stringMatching(/^Code THANKS-[A-Z0-9]+\.$/)));
  expect(new Set(a.map((m) => m.text)).size).toBe(a.length);
  expect(b.map((m) => m.text)).toEqual(b.map(() => expect.stringMatching(/Frequently bought together Merino socks/)));
  expect([a.length, b.length, held.length].map((n) => n > 0)).toEqual([true, true, true]);
  expect(await t.counters(j, 'holdout')).toEqual({ held_out: held.length });
  expect((await t.stats(j)).totals).toMatchObject({ entered: 40, completed: 40 });
});
