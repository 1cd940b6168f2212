// The status and inbound routes' handlers, called as the server calls them, with a request
// signed the way Twilio signs and a RouteContext that records what the route did.
import { silentLogger, type AnyServiceDefinition, type RouteContext, type RouteRequest } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { inboundRoute } from './inbound-route.js';
import { twilioService } from './service.js';
import type { TwilioSettings } from './settings.js';
import { twilioSignature } from './signature.js';
import { statusRoute } from './status-route.js';

const settings: TwilioSettings = { baseUrl: 'https://api.twilio.com', accountSid: `AC${'1'.repeat(32)}`, authToken: 'tok-3f9', from: '+381111234567' };
const hook = (path: string) => `https://shop.example/hooks/sms/ws_1/${path}`;

async function signed(path: string, params: Record<string, string>, signature?: string): Promise<RouteRequest> {
  const body = new URLSearchParams(params).toString();
  const sig = signature ?? await twilioSignature(settings.authToken, hook(path), Object.entries(params));
  return {
    method: 'POST', url: hook(path), body, query: {},
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(sig ? { 'x-twilio-signature': sig } : {}) },
    form: () => Object.fromEntries(new URLSearchParams(body)), json: () => JSON.parse(body),
  };
}

/** A RouteContext that records calls; `phones` are the customers' stored phone attributes. */
function recorder(opts: { phones?: Record<string, string>; configured?: boolean; known?: boolean } = {}) {
  const calls: unknown[][] = [];
  const ctx: RouteContext = {
    workspaceId: 'ws_1', now: () => new Date('2026-03-02T10:00:00Z'), log: silentLogger,
    settings: async <S extends AnyServiceDefinition>(service: S) => {
      calls.push(['settings', service.id]);
      return (opts.configured === false ? null : settings) as never;
    },
    settle: async (service, externalId, outcome) => {
      calls.push(['settle', service.id, externalId, outcome]);
      return opts.known ?? true;
    },
    customers: {
      findByAttribute: async (name, value) =>
        Object.entries(opts.phones ?? {}).filter(([, phone]) => name === 'phone' && phone === value).map(([id]) => id),
      setAttributes: async (id, attributes) => void calls.push(['setAttributes', id, attributes]),
    },
    track: async (id, event, properties) => void calls.push(['track', id, event, properties]),
  };
  return { ctx, calls, writes: () => calls.filter(([what]) => what !== 'settings') };
}

const status = (MessageStatus: string, extra: Record<string, string> = {}) =>
  ({ MessageSid: 'SM0001', SmsSid: 'SM0001', MessageStatus, AccountSid: settings.accountSid, To: '+381601234567', ...extra });

describe('the status route', () => {
  it('settles a delivered message, counted delivered', async () => {
    const r = recorder();
    expect(await statusRoute.handle(await signed('status', status('delivered')), r.ctx)).toEqual({ status: 204 });
    expect(r.writes()).toEqual([['settle', 'sms/twilio', 'SM0001', { status: 'delivered', count: 'delivered' }]]);
  });

  it('settles failed and undelivered messages as failed with Twilio\'s error code, counted undelivered', async () => {
    for (const s of ['failed', 'undelivered']) {
      const r = recorder();
      await statusRoute.handle(await signed('status', status(s, { ErrorCode: '30003' })), r.ctx);
      expect(r.writes()).toEqual([['settle', 'sms/twilio', 'SM0001', {
        status: 'failed', count: 'undelivered', error: `Twilio reported the message ${s} (error 30003, https://www.twilio.com/docs/api/errors/30003)`,
      }]]);
    }
  });

  it('does nothing for the statuses on the way, or for a message it does not know', async () => {
    for (const s of ['queued', 'sending', 'sent', 'accepted']) {
      const r = recorder();
      expect(await statusRoute.handle(await signed('status', status(s)), r.ctx)).toEqual({ status: 204 });
      expect(r.writes()).toEqual([]);
    }
    expect(await statusRoute.handle(await signed('status', status('delivered')), recorder({ known: false }).ctx)).toEqual({ status: 204 });
  });

  it('refuses a missing or wrong signature, a signature for another URL, and any callback before the gateway is set up', async () => {
    const forged = await twilioSignature('someone-elses-token', hook('status'), Object.entries(status('delivered')));
    const otherUrl = await twilioSignature(settings.authToken, hook('inbound'), Object.entries(status('delivered')));
    for (const request of [await signed('status', status('delivered'), ''), await signed('status', status('delivered'), forged),
      await signed('status', status('delivered'), otherUrl)]) {
      const r = recorder();
      expect(await statusRoute.handle(request, r.ctx)).toMatchObject({ status: 403 });
      expect(r.writes()).toEqual([]);
    }
    const tampered = await signed('status', status('failed'));
    const response = await statusRoute.handle({ ...tampered, body: tampered.body.replace('failed', 'delivered') }, recorder().ctx);
    expect(response.status).toBe(403);
    expect(await statusRoute.handle(await signed('status', status('delivered')), recorder({ configured: false }).ctx))
      .toEqual({ status: 403, body: 'The SMS gateway is not set up in this workspace' });
  });

  it('answers 400 for a signed callback without a sid or status', async () => {
    expect(await statusRoute.handle(await signed('status', { MessageStatus: 'delivered' }), recorder().ctx)).toMatchObject({ status: 400 });
  });
});

describe('the inbound route', () => {
  const phones = { c1: '+381601234567', c2: '00381601234567', c3: '+381609999999' };
  const inbound = (Body: string) => ({ MessageSid: 'SM00ff', From: '+381601234567', To: '+381111234567', Body, AccountSid: settings.accountSid });
  const twiml = { status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response/>', headers: { 'content-type': 'text/xml' } };

  it('turns SMS consent off for every customer with that phone on STOP, and records SMS Unsubscribed', async () => {
    const r = recorder({ phones });
    expect(await inboundRoute.handle(await signed('inbound', inbound('Stop')), r.ctx)).toEqual(twiml);
    expect(r.writes()).toEqual([
      ['setAttributes', 'c1', { smsConsent: false }], ['track', 'c1', 'SMS Unsubscribed', { phone: '+381601234567', keyword: 'Stop' }],
      ['setAttributes', 'c2', { smsConsent: false }], ['track', 'c2', 'SMS Unsubscribed', { phone: '+381601234567', keyword: 'Stop' }],
    ]);
  });

  it('turns it back on for START, and records SMS Subscribed', async () => {
    const r = recorder({ phones });
    await inboundRoute.handle(await signed('inbound', inbound('START')), r.ctx);
    expect(r.writes()).toEqual([
      ['setAttributes', 'c1', { smsConsent: true }], ['track', 'c1', 'SMS Subscribed', { phone: '+381601234567', keyword: 'START' }],
      ['setAttributes', 'c2', { smsConsent: true }], ['track', 'c2', 'SMS Subscribed', { phone: '+381601234567', keyword: 'START' }],
    ]);
  });

  it('records any other text as SMS Received, changing no consent', async () => {
    const r = recorder({ phones: { c1: phones.c1 } });
    expect(await inboundRoute.handle(await signed('inbound', inbound('Kada stiže moja porudžbina?')), r.ctx)).toEqual(twiml);
    expect(r.writes()).toEqual([['track', 'c1', 'SMS Received', { phone: '+381601234567', body: 'Kada stiže moja porudžbina?', messageSid: 'SM00ff' }]]);
  });

  it('answers empty TwiML to a number no customer has, and 403 to an unsigned STOP', async () => {
    const nobody = recorder({ phones: {} });
    expect(await inboundRoute.handle(await signed('inbound', inbound('STOP')), nobody.ctx)).toEqual(twiml);
    expect(nobody.writes()).toEqual([]);
    const unsigned = recorder({ phones });
    expect(await inboundRoute.handle(await signed('inbound', inbound('STOP'), ''), unsigned.ctx)).toMatchObject({ status: 403 });
    expect(unsigned.writes()).toEqual([]);
  });

  it('reaches its own service\'s settings only', async () => {
    const r = recorder();
    await inboundRoute.handle(await signed('inbound', inbound('hi')), r.ctx);
    expect(r.calls[0]).toEqual(['settings', twilioService.id]);
  });
});
