// Points expiry through the whole harness (the /v1 handler, the tRPC procedures, the engine's jobs
// at each stop of time, real SMTP, a manual clock): points granted by a journey go quiet; with
// expiry off nothing happens; switched on, a member already past due is reminded at once and
// given the full notice; a member quiet for the months is reminded once, remindDaysBefore days
// before, by a journey "Points Expiring -> Send email" showing the points, and loses them at the
// announced moment as one 'expire' entry; activity after the reminder cancels that expiry; job
// runs repeated or side by side expire once.
import { grantPoints, sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storeLoyaltySettings } from './support/loyalty';

const body = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hi {{ customer.firstName }}, your {{ event.points }} points expire on {{ event.expires_at | format_date: 'long' }}, in {{ event.days_left }} days.</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

let t: JourneyTest;
beforeAll(async () => {
  t = await createJourneyTest({ start: '2026-01-05T09:00:00Z' });
  const { id } = await t.api.templates.create({ name: 'Points expiring' }) as { id: string };
  expect(await t.api.templates.save({ id, name: 'Points expiring', kind: 'marketing', subject: 'Your points expire soon', preheader: '', body, language: 'en' }))
    .toMatchObject({ ok: true });
  // Earning: 120 points per order (the loyalty rules are another part; a Grant points step is activity all the same).
  await t.publish(t.journey().trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
    .then(grantPoints, { amount: 120, reason: 'Order' }));
  await t.publish(t.journey().trigger(triggerOnEvent, { event: 'Points Expiring' }).then(sendEmail, { templateId: id }, { id: 'remind' }));
  await setExpiry({ enabled: false, monthsInactive: 12, remindDaysBefore: 14 });
  for (const c of ['ana', 'ivo', 'zed']) await t.identify(c, { email: `${c}@example.com`, firstName: c, marketing_consent: true });
}, 120_000);
afterAll(() => t?.close());

let orders = 0;
const order = (customer: string) => t.track(customer, 'Order Completed', { order_id: `o${++orders}`, total: 120, currency: 'EUR' });
// Orders earn nothing of their own here: the Grant points step is the only earning.
const noOrderPoints = { orders: { enabled: false, pointsPerUnit: 1 } };
const setExpiry = (expiry: { enabled: boolean; monthsInactive: number; remindDaysBefore: number }) =>
  storeLoyaltySettings(t.database.sql, t.workspaceId, { expiry, earning: noOrderPoints });
const balance = async (customer: string) => (await t.database.sql<{ points: number }[]>`
  select coalesce(sum(points), 0)::int as points from loyalty_ledger where workspace_id = ${t.workspaceId} and customer_id = ${customer}`)[0].points;
const expiries = (customer: string) => t.database.sql<{ points: number; createdAt: Date }[]>`
  select points, created_at as "createdAt" from loyalty_ledger where workspace_id = ${t.workspaceId} and customer_id = ${customer} and kind = 'expire'`;
const events = (customer: string, name: string) => t.database.sql<{ properties: Record<string, unknown>; timestamp: Date }[]>`
  select properties, timestamp from events where workspace_id = ${t.workspaceId} and customer_id = ${customer} and name = ${name} order by timestamp`;
const text = (customer: string) => t.emails(`${customer}@example.com`).map((e) => e.text.replace(/\s+/g, ' '));

it('does nothing while expiry is off', async () => {
  await setExpiry({ enabled: false, monthsInactive: 1, remindDaysBefore: 1 });
  await order('zed');
  await t.advance('100 days');
  expect(await balance('zed')).toBe(120);
  expect(await expiries('zed')).toEqual([]);
  expect(await events('zed', 'Points Expiring')).toEqual([]);
  expect(t.emails()).toEqual([]);
});

it('reminds once, remindDaysBefore days ahead, with the points in the email, and expires the whole balance at that moment', async () => {
  await setExpiry({ enabled: true, monthsInactive: 3, remindDaysBefore: 14 });
  await order('ana'); // 2026-04-15 09:00: expires 2026-07-15 09:00, reminded 2026-07-01 09:00
  await order('ivo');
  // Zed, quiet since January, is reminded at the next run and keeps the points the full 14 days.
  await t.advance('1 minute');
  expect(text('zed')).toEqual([expect.stringContaining('Hi zed, your 120 points expire on April 29, 2026, in 14 days.')]);
  await t.advance(new Date('2026-04-29T08:59:00Z'));
  expect(await balance('zed')).toBe(120);
  await t.advance('2 minutes');
  expect(await balance('zed')).toBe(0);

  await t.advance(new Date('2026-07-01T08:59:00Z'));
  expect(text('ana')).toEqual([]);
  await t.advance('1 day');
  const [reminder, ...more] = await events('ana', 'Points Expiring');
  expect(more).toEqual([]);
  expect(reminder).toEqual({ timestamp: new Date('2026-07-01T09:00:00Z'), properties: { points: 120, expires_at: '2026-07-15T09:00:00.000Z', days_left: 14 } });
  expect(text('ana')).toEqual([expect.stringContaining('Hi ana, your 120 points expire on July 15, 2026, in 14 days.')]);
  expect(text('ivo')).toHaveLength(1);

  await order('ivo'); // 2026-07-02 08:59: activity after the reminder starts a new quiet spell
  await t.advance(new Date('2026-07-15T08:59:00Z'));
  expect(await balance('ana')).toBe(120);
  await t.advance('1 hour');
  expect(await balance('ana')).toBe(0);
  expect(await expiries('ana')).toEqual([{ points: -120, createdAt: new Date('2026-07-15T09:00:00Z') }]);
  expect((await events('ana', 'Points Expired')).map((e) => e.properties)).toEqual([{ points: 120 }]);
  expect(text('ana')).toHaveLength(1);
  expect(await balance('ivo')).toBe(240);
  expect(await expiries('ivo')).toEqual([]);
});

it('expires once however many times the job runs, also side by side', async () => {
  // Ivo's new spell: reminded 2026-09-18 08:59 (2026-10-02 less 14 days), expiring 2026-10-02 08:59.
  await t.advance(new Date('2026-10-02T08:00:00Z'));
  expect((await events('ivo', 'Points Expiring')).map((e) => e.timestamp)).toEqual([new Date('2026-07-01T09:00:00Z'), new Date('2026-09-18T08:59:00Z')]);
  expect(text('ivo')).toHaveLength(2);
  expect(text('ivo')[1]).toContain('your 240 points expire on October 2, 2026');
  t.clock.set(new Date('2026-10-02T08:59:00Z'));
  const runs = await Promise.all([1, 2, 3].map(() => t.engine.runLoyaltyExpiry()));
  expect(runs.reduce((n, r) => n + r.expired, 0)).toBe(1);
  expect(await t.engine.runLoyaltyExpiry()).toEqual({ reminded: 0, expired: 0 });
  await t.advance('1 day');
  expect(await expiries('ivo')).toEqual([{ points: -240, createdAt: new Date('2026-10-02T08:59:00Z') }]);
  expect(await events('ivo', 'Points Expired')).toHaveLength(1);
  expect(await balance('ivo')).toBe(0);
  // Quiet again after the expiry, with nothing left: no reminder of 0 points.
  await t.advance(new Date('2027-02-01T09:00:00Z'));
  expect(text('ivo')).toHaveLength(2);
  expect(text('ana')).toHaveLength(1);
});
