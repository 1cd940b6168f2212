// A plugin as a third party would write one, for the tests of plugin routes and integration
// settings: an SMS-like gateway service with settings (a URL that is the secrets' target, an
// account, a secret token), and routes for its provider's delivery-status and inbound-message
// callbacks, plus a few that exercise the route API (echo, json, settings, a failing one).
import { definePlugin, defineService, type RouteResponse } from '@afterglow/node-sdk';
import { z } from 'zod';

export const gateway = defineService({
  id: 'texting/gateway',
  label: 'Texting gateway',
  payload: z.object({ to: z.string().min(3) }),
  settings: z.object({
    baseUrl: z.url({ error: 'Base URL must be a URL such as https://api.example.com' }).meta({ label: 'Base URL', secretTarget: true }),
    account: z.string().trim().min(1, 'Account is required').meta({ label: 'Account' }),
    token: z.string().min(8, 'Token must be at least 8 characters').meta({ label: 'Auth token', widget: 'secret' }),
  }),
  settingsDefaults: { baseUrl: 'https://api.texting.example' },
  counters: ['delivered', 'failed'],
  deliver: async () => ({ status: 'retry', error: 'tests deliver nothing' }),
});

const json = (status: number, body: unknown): RouteResponse =>
  ({ status, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

export const textingPlugin = definePlugin({
  id: 'texting',
  nodeTypes: [],
  services: [gateway],
  routes: [
    {
      // The provider's delivery report: MessageSid and MessageStatus, form-encoded.
      method: 'POST', path: 'status',
      async handle(request, ctx) {
        const { MessageSid: sid, MessageStatus: status, ErrorCode: code } = request.form();
        const delivered = status === 'delivered';
        const found = await ctx.settle(gateway, sid ?? '', delivered
          ? { status: 'delivered', count: 'delivered' } : { status: 'failed', error: `status ${status} (${code ?? 'no code'})`, count: 'failed' });
        // An id the workspace does not know: acknowledged, so the provider stops repeating it.
        return found ? { status: 204 } : { status: 200, body: 'unknown message' };
      },
    },
    {
      // An inbound message: STOP withdraws SMS consent of every customer with that phone.
      method: 'POST', path: 'inbound',
      async handle(request, ctx) {
        const { From: from = '', Body: body = '' } = request.form();
        const customers = await ctx.customers.findByAttribute('phone', from);
        for (const id of customers) {
          if (body.trim().toUpperCase() === 'STOP') await ctx.customers.setAttributes(id, { smsConsent: false });
          await ctx.track(id, 'SMS Received', { body });
        }
        ctx.log.info('inbound message', { customers: customers.length });
        return { status: 200, body: '<Response/>', headers: { 'content-type': 'text/xml' } };
      },
    },
    {
      method: 'GET', path: 'echo/details',
      handle: async (request, ctx) => json(200, { url: request.url, query: request.query, header: request.headers['x-test-header'], workspaceId: ctx.workspaceId, now: ctx.now() }),
    },
    { method: 'POST', path: 'json', handle: async (request) => json(200, { parsed: request.json() }) },
    { method: 'POST', path: 'size', handle: async (request) => json(200, { bytes: Buffer.byteLength(request.body) }) },
    { method: 'GET', path: 'settings', handle: async (_request, ctx) => json(200, { settings: await ctx.settings(gateway) }) },
    {
      method: 'POST', path: 'boom',
      handle: async () => { throw new Error('the route broke'); },
    },
  ],
});
