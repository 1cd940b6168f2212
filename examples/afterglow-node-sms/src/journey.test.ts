// The SMS plugin end to end, as a shop lives it: a journey drawn with Send SMS runs in the real
// engine, the message reaches a Twilio-shaped gateway on a real port, Twilio's signed status
// callback reaches the plugin's route over HTTP and the canvas counts it; a customer's STOP
// reply turns SMS off before the next offer; quiet hours hold an evening SMS until morning.
import { createJourneyTest, type JourneyTest, type PublishedJourney } from '@afterglow/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import plugin, { sendSmsV2 } from './index.js';
import { startFakeTwilio, type FakeTwilio } from './test-support/fake-twilio.js';

let twilio: FakeTwilio;
let t: JourneyTest | undefined;

beforeAll(async () => {
  twilio = await startFakeTwilio();
});
afterAll(() => twilio.close());
beforeEach(() => {
  twilio.messages.length = 0;
  twilio.optedOut.clear();
});
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A workspace with the plugin, its gateway set up (as in Settings > Integrations), quiet hours 21-8. */
async function shop(start = '2026-03-02T09:00:00Z'): Promise<JourneyTest> {
  t = await createJourneyTest({
    plugins: [plugin], start,
    serviceSettings: { 'sms/twilio': { baseUrl: twilio.url, accountSid: twilio.accountSid, authToken: twilio.authToken, from: '+381111234567' } },
    settings: { quietHours: { enabled: true, startHour: 21, endHour: 8 } },
  });
  return t;
}

const hook = (test: JourneyTest, path: string) => `${test.publicUrl}/hooks/sms/${test.workspaceId}/${path}`;

/** Order Completed -> Send SMS (node id 'sms'), the config laid over the node's defaults. */
function orderSms(test: JourneyTest, config: Partial<z.input<typeof sendSmsV2.config>>): Promise<PublishedJourney> {
  return test.publish(test.journey().trigger('core/trigger-event', { event: 'Order Completed' }).then(sendSmsV2, config, { id: 'sms' }));
}

const ana = { firstName: 'Ana', phone: '+381 60 123 4567', smsConsent: true, timezone: 'Europe/Belgrade' };

describe('an order, an SMS, its delivery report', () => {
  it('sends through the gateway and counts Twilio\'s signed status callbacks on the canvas', async () => {
    const test = await shop();
    const j = await orderSms(test, { message: 'Hvala {{ customer.firstName }}! Porudžbina {{ event.order_id }} je primljena.', kind: 'transactional', alphabet: 'latin' });
    await test.identify('ana', ana);
    await test.track('ana', 'Order Completed', { order_id: 'A-1017' });

    expect(twilio.messages).toEqual([{
      sid: expect.stringMatching(/^SM/), to: '+381601234567', from: '+381111234567', messagingServiceSid: null,
      body: 'Hvala Ana! Porudzbina A-1017 je primljena.', statusCallback: hook(test, 'status'),
    }]);
    expect(await test.counters(j, 'sms')).toEqual({ sent: 1 });

    const { sid } = twilio.messages[0];
    expect(await twilio.reportStatus(sid, 'sent')).toBe(204);
    expect(await test.counters(j, 'sms')).toEqual({ sent: 1 });
    expect(await twilio.reportStatus(sid, 'delivered')).toBe(204);
    expect(await twilio.reportStatus(sid, 'delivered')).toBe(204); // Twilio repeats itself; counted once
    expect(await test.counters(j, 'sms')).toEqual({ sent: 1, delivered: 1 });

    const forged = await fetch(hook(test, 'status'), {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
      body: new URLSearchParams({ MessageSid: sid, MessageStatus: 'undelivered' }).toString(),
    });
    expect(forged.status).toBe(403);
    expect(await test.counters(j, 'sms')).toEqual({ sent: 1, delivered: 1 });
  });

  it('counts a number Twilio refuses and a message the carrier could not deliver as not delivered', async () => {
    const test = await shop();
    const j = await orderSms(test, { message: 'Porudžbina {{ event.order_id }} je poslata.', kind: 'transactional' });
    twilio.optedOut.add('+381609999999');
    await test.identify('bob', { phone: '+381609999999', timezone: 'Europe/Belgrade' });
    await test.identify('ana', ana);
    await test.track('bob', 'Order Completed', { order_id: 'B-1' });
    await test.track('ana', 'Order Completed', { order_id: 'A-2' });
    expect(twilio.messages.map((m) => m.to)).toEqual(['+381601234567']);
    expect(await twilio.reportStatus(twilio.messages[0].sid, 'undelivered', '30003')).toBe(204);
    expect(await test.counters(j, 'sms')).toEqual({ sent: 1, undelivered: 2 });
  });
});

describe('consent by SMS reply', () => {
  it('turns SMS off on STOP, so the next offer is skipped, and back on with START', async () => {
    const test = await shop();
    const j = await orderSms(test, { message: 'Hvala, {{ customer.firstName }}! -10% na sledeću kupovinu: KOD10', kind: 'marketing' });
    // Stored in E.164, as Twilio's From names it: the route finds customers by the phone as stored.
    await test.identify('ana', { ...ana, phone: '+381601234567' });
    await test.track('ana', 'Order Completed', { order_id: 'A-1' });
    expect(twilio.messages).toHaveLength(1);

    const reply = await twilio.receive(hook(test, 'inbound'), '+381601234567', 'Stop');
    expect([reply.status, reply.headers.get('content-type'), await reply.text()])
      .toEqual([200, 'text/xml', '<?xml version="1.0" encoding="UTF-8"?><Response/>']);
    await test.settle();
    const detail = await test.api.customers.get({ id: 'ana' });
    expect(detail.profile.attributes.smsConsent).toBe(false);
    expect(detail.events.map((e) => e.name)).toContain('SMS Unsubscribed');

    await test.track('ana', 'Order Completed', { order_id: 'A-2' });
    expect(twilio.messages).toHaveLength(1);
    expect(await test.counters(j, 'sms')).toEqual({ sent: 1, skipped: 1 });

    await twilio.receive(hook(test, 'inbound'), '+381601234567', 'START');
    await test.settle();
    await test.track('ana', 'Order Completed', { order_id: 'A-3' });
    expect(twilio.messages).toHaveLength(2);
    expect(await test.counters(j, 'sms')).toEqual({ sent: 2, skipped: 1 });
  });
});

describe('quiet hours', () => {
  it('holds a marketing SMS ordered at 22:00 in Belgrade until 08:00, then sends it', async () => {
    const test = await shop('2026-03-02T21:00:00Z');
    const j = await orderSms(test, { message: 'Hvala na porudžbini, {{ customer.firstName }}!', kind: 'marketing', alphabet: 'latin' });
    await test.identify('ana', ana);
    await test.track('ana', 'Order Completed', { order_id: 'A-1' });
    expect(twilio.messages).toEqual([]);
    expect(await test.counters(j, 'sms')).toEqual({ held: 1 });
    expect((await test.runs(j)).map((r) => [r.status, r.dueAt])).toEqual([['waiting', new Date('2026-03-03T07:00:00Z')]]);

    await test.advance('12 hours');
    expect(twilio.messages.map((m) => m.body)).toEqual(['Hvala na porudzbini, Ana!']);
    expect(await test.counters(j, 'sms')).toEqual({ held: 1, sent: 1 });
  });
});
