// Send SMS alone, through the SDK's test context: who gets an SMS, what it says, and what the
// workspace's sending rules make of it. The gateway is not reached: queued effects are recorded.
import { configIssues, hold, NodeError, type SendPolicyRequest, type SendPolicyVerdict } from '@afterglow/node-sdk';
import { createTestContext, type TestContextOptions } from '@afterglow/node-sdk/testing';
import { describe, expect, it } from 'vitest';
import { sendSmsV2 } from './definition.js';

type Config = Parameters<NonNullable<typeof sendSmsV2.execute>>[1];

const config = (patch: Partial<Config> = {}): Config =>
  ({ message: 'Hi {{ customer.firstName }}!', kind: 'marketing', whenCapped: 'skip', alphabet: 'keep', countryCode: '', ...patch });

const subscribed = { phone: '+381 60 123 4567', smsConsent: true };

async function run(c: Config, attributes: Record<string, unknown>, opts: TestContextOptions = {}) {
  const asked: SendPolicyRequest[] = [];
  const { ctx, effects } = createTestContext({
    ...opts,
    customer: { firstName: 'Ada', ...opts.customer, attributes },
    sendPolicy: (request) => {
      asked.push(request);
      return opts.sendPolicy?.(request) ?? { decision: 'send' };
    },
  });
  const marketing: (boolean | undefined)[] = [];
  const enqueue = ctx.enqueue.bind(ctx);
  ctx.enqueue = (service, payload, options) => {
    marketing.push(options?.marketing);
    return enqueue(service, payload, options);
  };
  const instruction = await sendSmsV2.execute!(ctx, c);
  return { instruction, effects, asked, marketing, sent: effects.queued.map((q) => q.payload) };
}

describe('Send SMS: consent and numbers', () => {
  it('queues a marketing SMS to a subscribed customer, in E.164, flagged for the frequency cap', async () => {
    const r = await run(config(), subscribed);
    expect(r.instruction).toEqual({ kind: 'next', branch: 'out' });
    expect(r.effects.queued).toEqual([{ service: 'sms/twilio', key: 'run_test:node_test:sms/twilio', payload: { to: '+381601234567', body: 'Hi Ada!' } }]);
    expect(r.marketing).toEqual([true]);
    expect(r.asked).toEqual([{ channel: 'sms', kind: 'marketing', whenCapped: 'skip' }]);
    expect(r.effects.counts).toEqual({});
  });

  it('sends marketing only with smsConsent true; an explicit false blocks transactional SMS too', async () => {
    for (const smsConsent of [undefined, 'yes', 1, false]) {
      const r = await run(config(), { phone: '+381601234567', smsConsent });
      expect(r.sent, String(smsConsent)).toEqual([]);
      expect(r.effects.counts).toEqual({ skipped: 1 });
      // Not asked: a 'send' verdict would have taken the customer's slot under the cap.
      expect(r.asked).toEqual([]);
    }
    const optedOut = await run(config({ kind: 'transactional' }), { phone: '+381601234567', smsConsent: false });
    expect(optedOut.effects.counts).toEqual({ skipped: 1 });
    const orderUpdate = await run(config({ kind: 'transactional' }), { phone: '+381601234567' });
    expect(orderUpdate.sent).toEqual([{ to: '+381601234567', body: 'Hi Ada!' }]);
    expect(orderUpdate.marketing).toEqual([false]);
  });

  it('skips and counts a customer without a usable phone; a country code completes local numbers', async () => {
    for (const phone of [undefined, null, '', 'n/a', '060 123 4567']) {
      const r = await run(config(), { ...subscribed, phone });
      expect(r.effects.counts, String(phone)).toEqual({ skipped: 1 });
    }
    const local = await run(config({ countryCode: '381' }), { ...subscribed, phone: '060 123 4567' });
    expect(local.sent).toEqual([{ to: '+381601234567', body: 'Hi Ada!' }]);
  });
});

describe('Send SMS: the workspace\'s sending rules', () => {
  const morning = new Date('2026-01-06T08:00:00Z');

  it('holds the step through quiet hours, queuing nothing', async () => {
    const r = await run(config({ whenCapped: 'hold' }), subscribed, {
      sendPolicy: () => ({ decision: 'hold', until: morning, reason: 'quiet hours' }),
    });
    expect(r.instruction).toEqual(hold(morning, 'quiet hours'));
    expect(r.asked).toEqual([{ channel: 'sms', kind: 'marketing', whenCapped: 'hold' }]);
    expect(r.effects.queued).toEqual([]);
    expect(r.effects.counts).toEqual({});
  });

  it('skips and counts a customer at the frequency cap, then goes on', async () => {
    const capped = (): SendPolicyVerdict => ({ decision: 'skip', reason: 'frequency cap (2 per 7 days)' });
    const r = await run(config(), subscribed, { sendPolicy: capped });
    expect(r.instruction).toEqual({ kind: 'next', branch: 'out' });
    expect(r.effects.queued).toEqual([]);
    expect(r.effects.counts).toEqual({ skipped: 1 });
  });
});

describe('Send SMS: the message', () => {
  it('fills in merge fields from the customer, the trigger event and the run (a coupon), with defaults', async () => {
    const r = await run(config({ message: 'Hi {{ customer.firstName }}, order {{ event.order_id }} shipped. Code {{ coupon.code }}, {{ customer.attributes.tier | default: "member" }}' }), subscribed, {
      run: {
        context: { coupon: { code: 'THANKS-7K2' } },
        trigger: { messageId: 'm1', name: 'Order Shipped', customerId: 'cust_test', properties: { order_id: 'A-1017' }, timestamp: new Date() },
      },
    });
    expect(r.sent).toEqual([{ to: '+381601234567', body: 'Hi Ada, order A-1017 shipped. Code THANKS-7K2, member' }]);
  });

  it('writes the message in GSM-7 Latin when asked, merge values included', async () => {
    const message = 'Здраво {{ customer.firstName }}, попуст 20% уз код ЛЕТО!';
    const latin = await run(config({ message, alphabet: 'latin' }), subscribed, { customer: { firstName: 'Ђорђе' } });
    expect(latin.sent).toEqual([{ to: '+381601234567', body: 'Zdravo Djordje, popust 20% uz kod LETO!' }]);
    const kept = await run(config({ message }), subscribed, { customer: { firstName: 'Ђорђе' } });
    expect(kept.sent).toEqual([{ to: '+381601234567', body: 'Здраво Ђорђе, попуст 20% уз код ЛЕТО!' }]);
  });

  it('skips a message empty once filled in; fails the run for one too long to send', async () => {
    const empty = await run(config({ message: '{{ customer.nickname }}' }), subscribed);
    expect(empty.effects.counts).toEqual({ skipped: 1 });
    const long = run(config({ message: 'x{{ customer.attributes.bio }}' }), { ...subscribed, bio: 'y'.repeat(1600) });
    await expect(long).rejects.toThrow(NodeError);
    await expect(long).rejects.toMatchObject({ code: 'permanent', field: 'message', message: expect.stringMatching(/1601 characters/) });
  });

  it('names a broken merge field at publish, and a country code that is not one', async () => {
    expect(await sendSmsV2.check!(config({ message: 'Hi {{ customer.first name }}' }), {} as never)).toEqual([
      { field: 'message', message: expect.stringMatching(/is not a merge field/) },
    ]);
    expect(configIssues(sendSmsV2, config({ countryCode: '+381' }))).toEqual([{ field: 'countryCode', message: 'The country calling code in digits, e.g. 381' }]);
    expect(configIssues(sendSmsV2, config({ message: ' ' }))).toEqual([{ field: 'message', message: 'Write the message' }]);
  });
});
