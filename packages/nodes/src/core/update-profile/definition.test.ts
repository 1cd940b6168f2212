import { configIssues, createTestContext, summaryOf, type JourneyEvent } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { updateProfile, type UpdateProfileConfig } from './definition';

const config = (c: Partial<UpdateProfileConfig>): UpdateProfileConfig => ({ action: 'add-tag', attribute: '', value: '', tag: '', ...c });
const trigger: JourneyEvent = { messageId: 'm1', name: 'Order Completed', customerId: 'cust_test', properties: { city: 'Novi Sad' }, timestamp: new Date() };

describe('Update profile', () => {
  it('adds and removes a tag', async () => {
    const { ctx, effects } = createTestContext();
    expect(await updateProfile.execute!(ctx, config({ tag: 'VIP' }))).toEqual({ kind: 'next', branch: 'out' });
    await updateProfile.execute!(ctx, config({ action: 'remove-tag', tag: 'Lapsed' }));
    expect(effects.profile).toEqual([{ addTags: ['VIP'] }, { removeTags: ['Lapsed'] }]);
    expect(effects.counts).toEqual({ updated: 2 });
  });

  it('sets an attribute from the trigger event’s merge fields, and clears one', async () => {
    const { ctx, effects } = createTestContext({ run: { trigger } });
    await updateProfile.execute!(ctx, config({ action: 'set-attribute', attribute: 'city', value: '{{ event.city }}, {{ customer.firstName }}' }));
    await updateProfile.execute!(ctx, config({ action: 'clear-attribute', attribute: 'churnRisk' }));
    expect(effects.profile).toEqual([{ attributes: { city: 'Novi Sad, Ada' } }, { attributes: { churnRisk: null } }]);
  });

  it('leaves the attribute alone when the value renders empty', async () => {
    const { ctx, effects } = createTestContext();
    await updateProfile.execute!(ctx, config({ action: 'set-attribute', attribute: 'city', value: '{{ event.city }}' }));
    expect(effects.profile).toEqual([]);
    expect(effects.counts).toEqual({ skipped: 1 });
  });

  it('names the missing or wrong field', () => {
    expect(configIssues(updateProfile, config({ tag: '' })).map((i) => i.field)).toEqual(['tag']);
    expect(configIssues(updateProfile, config({ action: 'set-attribute', attribute: '' })).map((i) => i.field)).toEqual(['attribute']);
    expect(configIssues(updateProfile, config({ action: 'set-attribute', attribute: 'email' }))[0].message)
      .toBe('This is a profile field of its own, not an attribute');
    expect(configIssues(updateProfile, config({ tag: 'a,b' }), 'sl')[0].message).toBe('Oznaka ne sme vsebovati vejic');
  });

  it('says on the card what it changes, in words', () => {
    expect(summaryOf(updateProfile, config({ tag: 'VIP' }))).toBe('Add tag “VIP”');
    expect(summaryOf(updateProfile, config({ action: 'remove-tag', tag: 'VIP' }), 'sr-Latn')).toBe('Ukloni oznaku „VIP“');
    expect(summaryOf(updateProfile, config({ action: 'clear-attribute', attribute: 'city' }), 'ru')).toBe('Очистить city');
    expect(summaryOf(updateProfile, config({ action: 'set-attribute', attribute: 'city', value: 'Београд' }), 'sr-Latn'))
      .toBe('Postavi city na „Београд“');
    expect(summaryOf(updateProfile, config({ action: 'set-attribute', attribute: 'city', value: '{{ event.city }}' })))
      .toBe('Set city to the event’s city');
    expect(summaryOf(updateProfile, config({ action: 'set-attribute', attribute: 'tier', value: 'VIP {{ customer.attributes.tier }}' }), 'sl'))
      .toBe('Nastavi tier na „VIP “ + tier kupca');
  });
});
