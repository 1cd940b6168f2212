// The weekly digest through the real engine job, outbox, dispatcher and SMTP sink, on a manual
// clock: due on Monday from 08:00 in the shop's time zone (Europe/Belgrade here, UTC+2 in May; set
// in the shop settings), and in Vladivostok (UTC+10) only once the week's last UTC day has ended,
// sent once per user and week however often the job runs, only to owners, admins and managers
// who opted in, in each one's language, as transactional mail with a link to the dashboard.
import { sendEmail, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterAll, expect, it } from 'vitest';

const body = `<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>`;
let t: JourneyTest;
let east: JourneyTest;
afterAll(async () => { await t?.close(); await east?.close(); });

it('emails the week to opted-in owners, admins and managers on Monday 08:00 local, once, in their language', async () => {
  t = await createJourneyTest({ start: new Date('2026-05-06T09:00:00Z') }); // a Wednesday
  expect((await t.api.shop.save({ name: 'Test shop', url: 'https://shop.example', timeZone: 'Europe/Belgrade' })).timeZone)
    .toBe('Europe/Belgrade');
  await t.api.auth.setLocale({ locale: 'ru' });
  expect(await t.api.dashboard.setDigest({ enabled: true })).toEqual({ enabled: true });
  expect(await t.api.dashboard.digest()).toEqual({ enabled: true });
  const user = (id: string, role: string, locale: string | null, digest: boolean) => t.database.sql`
    insert into users (id, workspace_id, email, name, password_hash, role, locale, weekly_digest)
    values (${id}, ${t.workspaceId}, ${`${id}@shop.example`}, ${id}, 'x', ${role}, ${locale}, ${digest})`;
  await user('manager-sl', 'manager', 'sl', true);
  await user('manager-off', 'manager', 'sr-Cyrl', false);
  await user('admin-latn', 'admin', 'sr-Latn', true);
  await user('admin-default', 'admin', null, true);
  await user('marketer', 'marketer', 'ru', true); // opted in, but the digest is for owners, admins and managers

  const news = await t.publish(t.journey().trigger(triggerOnEvent, { event: 'Joined List' })
    .then(sendEmail, { subject: 'News', body }, { id: 'news' }), { name: 'News' });
  await t.identify('c1', { email: 'c1@example.com', marketing_consent: true });
  await t.track('c1', 'Joined List');
  expect(news.id).toBeTruthy();
  const digests = () => t.emails().filter((e) => e.to.endsWith('@shop.example') || e.to.startsWith('owner@'));

  await t.advance(new Date('2026-05-11T05:30:00Z')); // Monday 07:30 in Belgrade
  expect(digests()).toEqual([]);
  await t.advance(new Date('2026-05-11T06:05:00Z')); // Monday 08:05 in Belgrade
  await t.advance(new Date('2026-05-11T09:00:00Z')); // the job runs again: nothing new
  await t.advance(new Date('2026-05-12T06:05:00Z')); // Tuesday: not due

  const sent = digests().sort((a, b) => a.to.localeCompare(b.to));
  expect(sent.map((e) => e.to)).toEqual([
    'admin-default@shop.example', 'admin-latn@shop.example', 'manager-sl@shop.example', 'owner@journey-test.example',
  ]);
  const [fallback, latin, slovene, russian] = sent;
  expect(fallback.subject).toBe('Test shop: your week from May 4 to May 10'); // no language of their own: the shop's (English)
  expect(latin.subject).toBe('Test shop: vaša nedelja od 4. maj do 10. maj');
  expect(slovene.subject).toBe('Test shop: vaš teden od 4. maj do 10. maj');
  expect(russian.subject).toBe('Test shop: ваша неделя с 4 мая по 10 мая');
  expect(fallback.text).toContain('Emails sent: 1');
  expect(russian.text).toContain('Отправлено писем: 1');
  for (const e of sent) {
    expect(e.text).toContain(`${t.publicUrl}/dashboard`);
    expect(e.headers['list-unsubscribe']).toBeUndefined();
  }
  const rows = await t.database.sql<{ kind: string; n: number }[]>`
    select kind, count(*)::int as n from email_outbox where effect_key like 'digest:%' group by kind`;
  expect(rows).toEqual([{ kind: 'transactional', n: 4 }]);

  // Turned off: the next Monday sends nothing to that user.
  await t.api.dashboard.setDigest({ enabled: false });
  await t.advance(new Date('2026-05-18T06:05:00Z'));
  expect(digests().filter((e) => e.to.startsWith('owner@'))).toHaveLength(1);
  expect(digests()).toHaveLength(7);
}, 300_000);

it('in Vladivostok, waits past Monday 08:00 local for the UTC Sunday to end, and counts its last hours', async () => {
  east = await createJourneyTest({ start: new Date('2026-05-06T09:00:00Z') });
  await east.api.shop.save({ name: 'East shop', url: 'https://east.example', timeZone: 'Asia/Vladivostok' });
  await east.api.dashboard.setDigest({ enabled: true });
  await east.publish(east.journey().trigger(triggerOnEvent, { event: 'Joined List' })
    .then(sendEmail, { subject: 'News', body }, { id: 'news' }), { name: 'News' });
  await east.identify('c1', { email: 'c1@example.com', marketing_consent: true });
  const digests = () => east.emails().filter((e) => e.to.startsWith('owner@'));

  await east.advance(new Date('2026-05-10T21:00:00Z')); // Monday 07:00 there
  await east.track('c1', 'Joined List');
  await east.advance(new Date('2026-05-10T22:05:00Z')); // Monday 08:05 there, still Sunday in UTC: the week is not over
  expect(digests()).toEqual([]);
  await east.advance(new Date('2026-05-11T00:05:00Z')); // Monday 10:05 there
  const [digest] = digests();
  expect(digests()).toHaveLength(1);
  expect(digest.subject).toBe('East shop: your week from May 4 to May 10');
  expect(digest.text).toContain('Emails sent: 1'); // sent on the UTC Sunday, Monday morning in Vladivostok
  await east.advance(new Date('2026-05-11T13:00:00Z'));
  expect(digests()).toHaveLength(1);
}, 300_000);
