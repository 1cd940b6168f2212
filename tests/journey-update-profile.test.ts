// Update profile through the real engine (createJourneyTest): a tag added and removed, an
// attribute set from the trigger event's merge fields and cleared, as the customer page reads
// them; a step that runs again for the same customer (a second order) changes nothing twice.
import { triggerOnEvent, updateProfile, wait } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterEach, describe, expect, it } from 'vitest';

let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const profileOf = async (id: string) => (await t!.api.customers.get({ id })).profile;

describe('Update profile', () => {
  it('adds a tag, then removes it after a wait; a second run keeps the tag once', async () => {
    t = await createJourneyTest();
    const j = await t.publish(t.journey()
      .trigger(triggerOnEvent, { event: 'Order Completed', entryKeyProperty: 'order_id' })
      .then(updateProfile, { action: 'add-tag', tag: 'Recent buyer' }, { id: 'tag' })
      .then(wait, { amount: 30, unit: 'days' })
      .then(updateProfile, { action: 'remove-tag', tag: 'Recent buyer' }, { id: 'untag' }));
    await t.identify('cust_1', { email: 'ana@example.com', tags: ['VIP'] });

    await t.track('cust_1', 'Order Completed', { order_id: 'o1' });
    await t.advance('1 day');
    await t.track('cust_1', 'Order Completed', { order_id: 'o2' });
    expect((await profileOf('cust_1')).tags).toEqual(['VIP', 'Recent buyer']);
    expect(await t.counters(j, 'tag')).toMatchObject({ updated: 2 });

    await t.advance('29 days');
    // The first run removed it; the second has not reached its wait's end yet.
    expect((await profileOf('cust_1')).tags).toEqual(['VIP']);
    await t.advance('1 day');
    expect((await profileOf('cust_1')).tags).toEqual(['VIP']);
    expect(await t.counters(j, 'untag')).toMatchObject({ updated: 2 });
  });

  it('sets an attribute from the trigger event, keeps the others, and clears it', async () => {
    t = await createJourneyTest();
    const j = await t.publish(t.journey()
      .trigger(triggerOnEvent, { event: 'Address Changed' })
      .then(updateProfile, { action: 'set-attribute', attribute: 'city', value: '{{ event.city }}' }, { id: 'set' })
      .then(wait, { amount: 1, unit: 'days' })
      .then(updateProfile, { action: 'clear-attribute', attribute: 'city' }, { id: 'clear' }));
    await t.identify('cust_2', { email: 'bojan@example.com', plan: 'gold', city: 'Niš' });

    await t.track('cust_2', 'Address Changed', { city: 'Novi Sad' });
    expect((await profileOf('cust_2')).attributes).toEqual({ plan: 'gold', city: 'Novi Sad' });
    await t.track('cust_2', 'Address Changed', {});
    expect(await t.counters(j, 'set')).toMatchObject({ updated: 1, skipped: 1 });
    expect((await profileOf('cust_2')).attributes).toEqual({ plan: 'gold', city: 'Novi Sad' });

    await t.advance('1 day');
    expect((await profileOf('cust_2')).attributes).toEqual({ plan: 'gold' });
    const [run] = (await t.runs(j)).filter((r) => r.status === 'completed');
    expect(run.steps.map((s) => s.node)).toEqual(['trigger-event', 'set', 'wait', 'wait', 'clear']);
  });
});
