// The gateway service's deliver() against a Twilio-shaped gateway on a real port: what goes over
// the wire (path, Basic auth, form, idempotency token, status callback URL) and what each of
// Twilio's answers becomes (accepted with its sid, retried, failed with Twilio's code).
import { silentLogger, type DeliveryContext, type QueuedEffect } from '@afterglow/node-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../test-support/fake-twilio.js';
import { retryAfter, twilioService } from './service.js';
import type { TwilioSettings } from './settings.js';

const now = new Date('2026-03-02T10:00:00Z');
let twilio: FakeTwilio;
let settings: TwilioSettings;

let keys = 0;
/** A queued SMS; each with its own key unless one is given (a retry of the same effect). */
const effect = (payload = { to: '+381601234567', body: 'Zdravo Ana, vaš kod: LETO20' }, key = `eff-${++keys}`): QueuedEffect<typeof payload> => ({
  id: 'e1', key, payload, attempt: 1, workspaceId: 'ws_1', customerId: 'c1', journeyId: 'j1', versionId: 'v1', nodeId: 'n1', createdAt: now,
});

const context = (patch: Partial<TwilioSettings> | null = {}): DeliveryContext<TwilioSettings> => ({
  now: () => now,
  settings: patch === null ? null : { ...settings, ...patch },
  fetch: (url, init) => fetch(url, init),
  routeUrl: (path) => `https://shop.example/hooks/sms/ws_1/${path}`,
  log: silentLogger,
});

beforeAll(async () => {
  twilio = await startFakeTwilio();
  settings = { baseUrl: twilio.url, accountSid: twilio.accountSid, authToken: twilio.authToken, from: '+381111234567' };
});
afterAll(() => twilio.close());
beforeEach(() => {
  twilio.messages.length = 0;
  twilio.calls.length = 0;
});

describe('Twilio SMS delivery', () => {
  it('posts the message as Twilio\'s form with Basic auth, the idempotency token and the status callback; 201 is accepted and counted sent', async () => {
    const sms = effect();
    expect(await twilioService.deliver(sms, context())).toEqual({ status: 'accepted', externalId: twilio.messages[0].sid, count: 'sent' });
    const [call] = twilio.calls;
    expect(call.path).toBe(`/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`);
    expect(call.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(call.headers.authorization).toBe(`Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`);
    expect(call.headers['i-twilio-idempotency-token']).toBe(sms.key);
    expect(call.form).toEqual({
      To: '+381601234567', From: '+381111234567', Body: 'Zdravo Ana, vaš kod: LETO20', StatusCallback: 'https://shop.example/hooks/sms/ws_1/status',
    });
  });

  it('sends through a Messaging Service when "Send from" is its SID; a base URL may end in /', async () => {
    const service = `MG${'ab'.repeat(16)}`;
    await twilioService.deliver(effect(), context({ from: service, baseUrl: `${twilio.url}/` }));
    expect(twilio.calls[0].form.MessagingServiceSid).toBe(service);
    expect(twilio.calls[0].form.From).toBeUndefined();
  });

  it('sends one SMS for one effect, however often it is retried (the key is Twilio\'s idempotency token)', async () => {
    const first = await twilioService.deliver(effect(undefined, 'retried'), context());
    const again = await twilioService.deliver({ ...effect(undefined, 'retried'), attempt: 2 }, context());
    expect(again).toEqual(first);
    expect(twilio.messages).toHaveLength(1);
    await twilioService.deliver(effect(undefined, 'another'), context());
    expect(twilio.messages).toHaveLength(2);
  });

  it('retries after 429 and 5xx, honouring Retry-After in seconds or as a date', async () => {
    twilio.script(
      { status: 429, headers: { 'retry-after': '30' }, body: { code: 20429, message: 'Too Many Requests', status: 429 } },
      { status: 503, headers: { 'retry-after': 'Mon, 02 Mar 2026 10:05:00 GMT' }, body: { code: 20503, message: 'Service Unavailable', status: 503 } },
      { status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 } },
    );
    expect(await twilioService.deliver(effect(), context())).toEqual({
      status: 'retry', error: 'Twilio error 20429: Too Many Requests', after: new Date('2026-03-02T10:00:30Z'),
    });
    expect(await twilioService.deliver(effect(), context())).toMatchObject({ status: 'retry', after: new Date('2026-03-02T10:05:00Z') });
    expect(await twilioService.deliver(effect(), context())).toEqual({ status: 'retry', error: 'Twilio error 20500: Internal Server Error', after: undefined });
    expect(twilio.messages).toHaveLength(0);
  });

  it('fails for good on a refusal, with Twilio\'s code and message, counted undelivered', async () => {
    expect(await twilioService.deliver(effect({ to: '+3816', body: 'x' }), context())).toEqual({
      status: 'failed', error: 'Twilio error 21211: The \'To\' number +3816 is not a valid phone number.', count: 'undelivered',
    });
    twilio.optedOut.add('+381609999999');
    expect(await twilioService.deliver(effect({ to: '+381609999999', body: 'x' }), context())).toEqual({
      status: 'failed', error: 'Twilio error 21610: Attempt to send to unsubscribed recipient', count: 'undelivered',
    });
  });

  it('keeps messages waiting while the gateway is not set up or its credentials are refused', async () => {
    expect(await twilioService.deliver(effect(), context(null))).toEqual({ status: 'retry', error: expect.stringMatching(/Settings > Integrations > Twilio SMS/) });
    expect(await twilioService.deliver(effect(), context({ authToken: 'wrong' }))).toEqual({
      status: 'retry', error: expect.stringMatching(/^Twilio error 20003: Authenticate \(check the Account SID and Auth Token/),
    });
    expect(twilio.messages).toHaveLength(0);
  });

  it('retries when the gateway cannot be reached or answers what is not Twilio', async () => {
    const closed = await startFakeTwilio();
    await closed.close();
    expect(await twilioService.deliver(effect(), context({ baseUrl: closed.url }))).toEqual({
      status: 'retry', error: expect.stringMatching(/^Twilio could not be reached: /),
    });
    twilio.script({ status: 502, body: '<html>Bad gateway</html>' });
    expect(await twilioService.deliver(effect(), context())).toMatchObject({ status: 'retry', error: 'HTTP 502: "<html>Bad gateway</html>"' });
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores what it cannot read', () => {
    expect(retryAfter('120', now)).toEqual(new Date('2026-03-02T10:02:00Z'));
    expect(retryAfter('Mon, 02 Mar 2026 11:00:00 GMT', now)).toEqual(new Date('2026-03-02T11:00:00Z'));
    expect(retryAfter('soon', now)).toBeUndefined();
    expect(retryAfter(null, now)).toBeUndefined();
  });

  it('checks its settings: a real Account SID, a sender Twilio accepts', () => {
    const parse = (patch: Record<string, unknown>) => twilioService.settings!.safeParse({ ...settings, ...patch });
    expect(parse({ baseUrl: undefined }).data?.baseUrl).toBe('https://api.twilio.com');
    expect(parse({ from: 'MYSHOP' }).success).toBe(true);
    for (const bad of [{ accountSid: 'AC123' }, { from: '0601234567' }, { from: 'A VERY LONG NAME' }, { authToken: '' }, { baseUrl: 'ftp://x' }]) {
      expect(parse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
