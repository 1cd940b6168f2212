// Version 2 of Send SMS, shipped the way the SDK asks: journeys published on version 1 keep
// running version 1, and a version 1 config opened after the upgrade is migrated, with a note.
import { configIssues, NodeRegistry } from '@afterglow/node-sdk';
import { createTestContext } from '@afterglow/node-sdk/testing';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { sendSmsV2 } from './definition.js';
import { sendSmsV1 } from './v1.js';

const registry = new NodeRegistry([], [plugin]);
const customer = { firstName: 'Ада', attributes: { phone: '+381601234567', smsConsent: true } };

describe('Send SMS version 2', () => {
  it('keeps both versions: the palette offers 2, journeys on 1 find 1', () => {
    expect(registry.get('sms/send')).toBe(sendSmsV2);
    expect(registry.get('sms/send', 1)).toBe(sendSmsV1);
    expect(registry.all().filter((d) => d.id === 'sms/send')).toEqual([sendSmsV2]);
  });

  it('migrates a version 1 config to one version 2 accepts, saying what changed', () => {
    const v1 = { text: 'Здраво {{ customer.firstName }}, ваш код: {{ coupon.code }}', kind: 'transactional' };
    const migrated = registry.migrate('sms/send', 1, v1);
    expect(migrated).toEqual({
      version: 2,
      config: { message: v1.text, kind: 'transactional', whenCapped: 'skip', alphabet: 'keep', countryCode: '' },
      notes: [expect.stringMatching(/“Text” is now “Message”.*160 characters instead of 70/)],
    });
    expect(configIssues(sendSmsV2, migrated.config)).toEqual([]);
  });

  it('sends what version 1 sent, before and after the migration', async () => {
    const v1 = { text: 'Здраво {{ customer.firstName }}!', kind: 'marketing' as const };
    const before = createTestContext({ customer });
    await sendSmsV1.execute!(before.ctx, v1);
    const after = createTestContext({ customer });
    await sendSmsV2.execute!(after.ctx, sendSmsV2.config.parse(registry.migrate('sms/send', 1, v1).config));
    expect(before.effects.queued.map((q) => q.payload)).toEqual([{ to: '+381601234567', body: 'Здраво Ада!' }]);
    expect(after.effects.queued).toEqual(before.effects.queued);
  });

  it('runs version 1 as it was: a capped customer is skipped, whatever version 2 offers', async () => {
    const asked: unknown[] = [];
    const { ctx, effects } = createTestContext({
      customer, sendPolicy: (request) => (asked.push(request), { decision: 'skip', reason: 'frequency cap' }),
    });
    await sendSmsV1.execute!(ctx, { text: 'Hi', kind: 'marketing' });
    expect(asked).toEqual([{ channel: 'sms', kind: 'marketing', whenCapped: 'skip' }]);
    expect(effects.counts).toEqual({ skipped: 1 });
  });
});
