// A host project using afterglow-node-sms from its tarball with nothing of Afterglow but the SDK:
// sms/main.ts registers the plugin, migrates a version 1 config, runs Send SMS, delivers the SMS
// with the plugin's service to a Twilio on 127.0.0.1 (sms/twilio.ts, node:http) and calls the
// plugin's hooks as Twilio does (X-Twilio-Signature computed with node:crypto, not the plugin's
// code), then prints what happened. Its own program (Node's types, which the SDK's consumer in
// src/ goes without); React's types are not installed: the plugin's declarations must not need them.

export const smsConsumer: Record<string, string> = {
  'sms/tsconfig.json': JSON.stringify({
    extends: '../tsconfig.json',
    compilerOptions: { types: ['node'], rootDir: '.', outDir: 'dist' },
    include: ['*.ts'],
  }, null, 2),
  'sms/twilio.ts': `
// Twilio as far as this check needs it: a Messages API on 127.0.0.1 that records each call and
// answers 201 with a sid, and callbacks signed as Twilio signs them (node:crypto, not the plugin's).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received { method: string; path: string; headers: Record<string, string | string[] | undefined>; form: Record<string, string> }

export const MESSAGE_SID = 'SM0123456789abcdef0123456789abcdef';

export async function startTwilio(): Promise<{ baseUrl: string; received: Received[]; close(): void }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => { body += chunk; });
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, form });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid: MESSAGE_SID, status: 'queued', to: form.To, body: form.Body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => {
    server.close();
    server.closeAllConnections(); // fetch's keep-alive socket would hold the process open
  };
  return { baseUrl: \`http://127.0.0.1:\${(server.address() as AddressInfo).port}\`, received, close };
}

/** X-Twilio-Signature: base64 HMAC-SHA1 with the Auth Token of the URL, then each POST parameter's name and value in name order. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const signed = url + Object.keys(params).sort().map((name) => name + params[name]).join('');
  return createHmac('sha1', authToken).update(signed).digest('base64');
}
`,
  'sms/main.ts': `
// afterglow-node-sms used from its tarball with only the SDK around it: registered, migrated,
// executed, delivered to a Twilio on a local port, and its routes called as Twilio calls them.
import { NodeRegistry, silentLogger, type AnyServiceDefinition, type RouteContext, type RouteRequest } from '@afterglow/node-sdk';
import { createTestContext } from '@afterglow/node-sdk/testing';
import smsPlugin, { countSegments, inboundRoute, MessageWidget, sendSmsV1, sendSmsV2, statusRoute, toGsm7Latin, twilioService } from 'afterglow-node-sms';
import type { z } from 'zod';
import { MESSAGE_SID, startTwilio, twilioSignature } from './twilio.js';

type TwilioSettings = z.output<NonNullable<typeof twilioService.settings>>;

const now = new Date('2026-03-02T10:00:00Z');
const registry = new NodeRegistry([], [smsPlugin]);
const migrated = registry.migrate('sms/send', 1, { text: 'Здраво {{ customer.firstName }}, попуст 20%!', kind: 'marketing' });

// Version 2 as a run reaches it: a local number completed with the country code, Cyrillic sent as GSM-7 Latin.
const config = sendSmsV2.config.parse({ ...migrated.config, alphabet: 'latin', countryCode: '381' });
const customer = { firstName: 'Ana', attributes: { phone: '060 123 4567', smsConsent: true } };
const sent = createTestContext({ now, customer });
const sentInstruction = await sendSmsV2.execute!(sent.ctx, config);
const optedOut = createTestContext({ now, customer: { ...customer, attributes: { ...customer.attributes, smsConsent: false } } });
const optedOutInstruction = await sendSmsV2.execute!(optedOut.ctx, config);

// The queued SMS delivered by the service to a Twilio on this machine.
const twilio = await startTwilio();
const settings: TwilioSettings = { baseUrl: twilio.baseUrl, accountSid: \`AC\${'0123456789abcdef'.repeat(2)}\`, authToken: 'token-7c1', from: '+381111234567' };
const hook = (path: string) => \`https://shop.example/hooks/sms/ws_1/\${path}\`;
const [queued] = sent.effects.queued;
const delivery = await twilioService.deliver({
  id: 'effect_1', key: queued.key, payload: twilioService.payload.parse(queued.payload), attempt: 1, workspaceId: 'ws_1',
  customerId: 'cust_test', journeyId: 'j_test', versionId: 'v_test', nodeId: 'node_test', createdAt: now,
}, { now: () => now, settings, fetch: globalThis.fetch, routeUrl: hook, log: silentLogger });
twilio.close();
const [call] = twilio.received;

/** A POST to one of the plugin's hooks, signed with \`authToken\` as Twilio signs. */
function callback(path: string, params: Record<string, string>, authToken = settings.authToken): RouteRequest {
  const body = new URLSearchParams(params).toString();
  return {
    method: 'POST', url: hook(path), query: {}, body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(authToken, hook(path), params) },
    form: () => Object.fromEntries(new URLSearchParams(body)), json: () => JSON.parse(body),
  };
}

/** What the server would give a route, recording what the route does; one customer has the phone. */
function routeContext() {
  const calls: unknown[][] = [];
  const ctx: RouteContext = {
    workspaceId: 'ws_1', now: () => now, log: silentLogger,
    settings: async <S extends AnyServiceDefinition>(service: S) => (service.id === twilioService.id ? settings : null) as z.output<NonNullable<S['settings']>> | null,
    settle: async (service, externalId, outcome) => {
      calls.push(['settle', service.id, externalId, outcome]);
      return externalId === MESSAGE_SID;
    },
    customers: {
      findByAttribute: async (name, value) => (name === 'phone' && value === '+381601234567' ? ['cust_1'] : []),
      setAttributes: async (id, attributes) => void calls.push(['setAttributes', id, attributes]),
    },
    track: async (id, event, properties) => void calls.push(['track', id, event, properties]),
  };
  return { ctx, calls };
}

const report = { MessageSid: MESSAGE_SID, MessageStatus: 'delivered', AccountSid: settings.accountSid, To: '+381601234567' };
const status = routeContext();
const statusResponse = await statusRoute.handle(callback('status', report), status.ctx);
const forged = routeContext();
const forgedResponse = await statusRoute.handle(callback('status', report, 'someone-elses-token'), forged.ctx);
const inbound = routeContext();
const inboundResponse = await inboundRoute.handle(callback('inbound', { MessageSid: 'SM1', From: '+381601234567', To: settings.from, Body: 'Stop.' }), inbound.ctx);

const widget = MessageWidget({ id: 'message', value: 'Здраво Ђорђе!', onChange: () => {}, meta: { label: 'Message' }, config: { alphabet: 'latin' }, invalid: false, disabled: false });

console.log(JSON.stringify({
  plugin: {
    id: smsPlugin.id,
    registered: [sendSmsV1, sendSmsV2].filter((d) => registry.get(d.id, d.version) === d).map((d) => \`\${d.id}@\${d.version}\`),
    palette: registry.all().map((d) => \`\${d.id}@\${d.version}\`),
    services: registry.services().map((s) => s.id),
    routes: (smsPlugin.routes ?? []).map((r) => \`\${r.method} \${r.path}\`),
    widgets: Object.keys(smsPlugin.widgets ?? {}),
  },
  migrated,
  sent: { instruction: sentInstruction, queued: sent.effects.queued, counts: sent.effects.counts },
  optedOut: { instruction: optedOutInstruction, queued: optedOut.effects.queued, counts: optedOut.effects.counts },
  delivery,
  twilioReceived: {
    method: call.method, path: call.path, form: call.form, idempotencyToken: call.headers['i-twilio-idempotency-token'],
    authorization: call.headers.authorization === \`Basic \${Buffer.from(\`\${settings.accountSid}:\${settings.authToken}\`).toString('base64')}\`,
  },
  status: { response: statusResponse, calls: status.calls },
  forged: { response: forgedResponse, calls: forged.calls },
  inbound: { response: inboundResponse, calls: inbound.calls },
  widget: { type: (widget as { type: unknown }).type, isThePluginsWidget: smsPlugin.widgets?.message === MessageWidget },
  segments: [countSegments('Здраво Ђорђе!'), countSegments(toGsm7Latin('Здраво Ђорђе!'))],
}));
`,
};
