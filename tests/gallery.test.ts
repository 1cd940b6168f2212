// The gallery (packages/api/src/gallery): every playbook journey imports as a draft that
// validates clean and publishes, with its templates in every language; and three of them, used
// as a marketer uses them (the gallery's "Use", then Publish), send the right email at the right
// time to seeded customers on a manual clock through real SMTP.
import { readJourneyFile } from '@afterglow/journey-core';
import { expect, it } from 'vitest';
import { GALLERY } from '../packages/api/src/gallery/index';
import { entryFile } from '../packages/api/src/gallery/entry';
import { at, customer, order, received, shop, subjects, t } from './support/playbook';

const use = async (key: string) => {
  const { id } = await t.api.journeys.useGalleryTemplate({ key });
  const published = await t.api.journeys.publish({ id });
  expect(published, key).toMatchObject({ ok: true });
  await t.settle();
  return id;
};
const boots = [{ product_id: 'boot', name: 'Trail boot', price: 80 }];

it('lists 15 journeys with the events each needs, and whether the shop has sent them', async () => {
  await shop();
  await customer('ana');
  await t.track('ana', 'Order Completed', order('o-1', boots));
  const cards = await t.api.journeys.gallery();
  expect(cards.map((c) => c.key)).toEqual(GALLERY.map((e) => e.key));
  expect(cards).toHaveLength(15);
  expect(cards.find((c) => c.key === 'order-confirmation')).toMatchObject({
    title: 'Order confirmation and shipping notice', events: [{ name: 'Order Completed', seen: true }, { name: 'order_shipped', seen: false }],
  });
  for (const entry of GALLERY) expect(readJourneyFile(JSON.parse(JSON.stringify(entryFile(entry, 'ru'))), t.registry), entry.key).toMatchObject({ ok: true });
});

it('every playbook journey becomes a draft with its templates in every language, and publishes', async () => {
  await shop();
  for (const entry of GALLERY.filter((e) => e.key !== 'blank')) {
    const { id, name } = await t.api.journeys.useGalleryTemplate({ key: entry.key });
    expect(name).toBeTruthy();
    const draft = await t.api.journeys.get({ id });
    for (const node of draft.draft.nodes.filter((n) => n.type === 'core/send-email')) {
      const template = await t.api.templates.get({ id: node.config.templateId as string });
      expect(Object.keys(template.variants).sort(), `${entry.key}: ${template.name}`).toEqual(['ru', 'sl', 'sr']);
    }
    expect(await t.api.journeys.publish({ id }), entry.key).toMatchObject({ ok: true });
  }
  const blank = await t.api.journeys.useGalleryTemplate({ key: 'blank' });
  expect((await t.api.journeys.get({ id: blank.id })).draft.nodes).toHaveLength(1);
  await expect(t.api.journeys.useGalleryTemplate({ key: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
});

it('review request: at 10:00 on a day 7-15 days after delivery, once per order', async () => {
  await shop();
  await use('review-request');
  await customer('ana');
  await t.track('ana', 'Order Completed', order('o-1', boots));
  await t.track('ana', 'order_delivered', { order_id: 'o-1' });
  await t.track('ana', 'order_delivered', { order_id: 'o-1' });
  await t.advance(at('2026-03-09T09:59:00Z'));
  expect(t.emails()).toEqual([]);
  await t.advance(at('2026-03-18T00:00:00Z'));
  const mails = await received('ana');
  expect(mails).toHaveLength(1);
  const [[subject, sentAt]] = mails;
  expect(subject).toMatch(/Ana/);
  expect(sentAt >= '2026-03-09T10:00:00.000Z' && sentAt <= '2026-03-17T10:00:00.000Z' && sentAt.endsWith('T10:00:00.000Z'), sentAt).toBe(true);
});

it('negative review rescue: a 2-star review alerts the owner with her words and sends her an apology with a coupon', async () => {
  await shop();
  await use('negative-review-rescue');
  await customer('ana');
  await t.track('ana', 'Review Submitted', { review_id: 'r-1', product_id: 'boot', product_name: 'Trail boot', rating: 2, text: 'The sole came off', order_id: 'o-1' });
  await t.track('ana', 'Review Submitted', { review_id: 'r-2', product_id: 'wax', product_name: 'Boot wax', rating: 5, text: 'Great', order_id: 'o-1' });
  await t.settle();
  const alerts = t.emails().filter((m) => !m.to.includes('ana@example.com'));
  expect(alerts).toHaveLength(1);
  expect(alerts[0].text).toContain('The sole came off');
  const [apology] = t.emails('ana@example.com');
  expect(apology.subject).toBe('We are sorry, Ana');
  expect(apology.text).toMatch(/SORRY-[A-Z0-9]+/);
});

it('weekly promotion: every Monday at 10:00 to buyers only', async () => {
  await shop({ settings: { frequencyCap: { enabled: true, maxEmails: 1, perDays: 7 } } });
  await customer('ana');
  await customer('ivo');
  await t.track('ana', 'Order Completed', order('a1', boots));
  await use('weekly-promotion');
  await t.advance(at('2026-03-09T12:00:00Z')); // Monday 2 March, 09:00 to Monday 9 March, 12:00
  // The schedule's clock is UTC unless it names a time zone; the shop's Monday 10:00, twice.
  expect(await received('ana')).toEqual(['02', '09'].map((d) => ['This week\'s offers, Ana', `2026-03-${d}T10:00:00.000Z`]));
  expect(subjects('ivo')).toEqual([]);
}, 180_000);
