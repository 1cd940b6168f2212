// createJourneyTest with a plugin, as a plugin package's own tests use it: the plugin's node
// type runs in the real engine beside the built-ins, reads identify traits, asks the workspace's
// sending rules, and counts on its canvas card; its service's settings are stored sealed.
import { triggerOnEvent } from '@afterglow/nodes';
import { defineNodeType, definePlugin, defineService, hold, next } from '@afterglow/node-sdk';
import { createJourneyTest, type JourneyTest } from '@afterglow/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

const gateway = defineService({
  id: 'acme/gateway',
  label: 'Acme gateway',
  payload: z.object({ to: z.string() }),
  settings: z.object({ baseUrl: z.url(), token: z.string().min(8, 'token is at least 8 characters').meta({ widget: 'secret' }) }),
  deliver: async () => ({ status: 'delivered' }),
});

const notify = defineNodeType({
  id: 'acme/notify',
  version: 1,
  category: 'action',
  config: z.object({ text: z.string().min(1, 'Write the text') }),
  defaults: { text: 'Hello' },
  ui: { label: 'Notify', description: 'A message on the phone', icon: 'message', color: 'violet', branches: [{ id: 'out', label: 'Then' }], summary: (c) => c.text },
  counters: [{ id: 'notified', label: 'Notified' }, { id: 'no_consent', label: 'No consent', tone: 'bad' }],
  async execute(ctx) {
    const verdict = await ctx.sendPolicy.check({ channel: 'sms', kind: 'marketing' });
    if (verdict.decision === 'hold') return hold(verdict.until, verdict.reason);
    ctx.count(ctx.customer.attributes.smsConsent === true ? 'notified' : 'no_consent');
    return next();
  },
});

const acme = definePlugin({ id: 'acme', nodeTypes: [notify], services: [gateway] });
const serviceSettings = { 'acme/gateway': { baseUrl: 'https://gateway.example', token: 'token-1234567' } };

let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('a plugin’s node type in a whole journey', () => {
  it('reads identify traits, holds through quiet hours and counts on its card', async () => {
    // 22:00 in Belgrade: within quiet hours (21-8) for Belgrade, not for New York (16:00).
    t = await createJourneyTest({
      plugins: [acme], start: '2026-03-02T21:00:00Z', serviceSettings,
      settings: { quietHours: { enabled: true, startHour: 21, endHour: 8 } },
    });
    const j = await t.publish(t.journey().trigger(triggerOnEvent, { event: 'Order Completed' }).then(notify, { text: 'Thanks' }, { id: 'sms' }));
    await t.identify('ana', { phone: '+381601234567', smsConsent: true, timezone: 'Europe/Belgrade' });
    await t.identify('bob', { phone: '+12125550100', smsConsent: false, timezone: 'America/New_York' });
    await t.track('ana', 'Order Completed', { order_id: 'a1' });
    await t.track('bob', 'Order Completed', { order_id: 'b1' });
    expect(await t.counters(j, 'sms')).toEqual({ no_consent: 1, held: 1 });
    expect((await t.runs(j)).map((r) => [r.customerId, r.status, r.dueAt])).toEqual([
      ['ana', 'waiting', new Date('2026-03-03T07:00:00Z')], ['bob', 'completed', null],
    ]);

    await t.advance('1 day');
    expect(await t.counters(j, 'sms')).toEqual({ no_consent: 1, held: 1, notified: 1 });
    const ana = (await t.runs(j))[0];
    expect(ana.steps.filter((s) => s.node === 'sms').map((s) => [s.outcome, s.at])).toEqual([
      ['defer', new Date('2026-03-02T21:00:00Z')], ['resume', new Date('2026-03-03T07:00:00Z')], ['next', new Date('2026-03-03T07:00:00Z')],
    ]);
  });
});

describe('service settings', () => {
  it('stores them with the secret fields sealed', async () => {
    t = await createJourneyTest({ plugins: [acme], serviceSettings });
    const [row] = await t.database.sql<{ settings: { baseUrl: string; token: string } }[]>`
      select settings from service_settings where workspace_id = ${t.workspaceId} and service_id = 'acme/gateway'`;
    expect(row.settings.baseUrl).toBe('https://gateway.example');
    expect(row.settings.token).not.toContain('token-1234567');
    expect(t.database.secrets.open(row.settings.token)).toBe('token-1234567');
  });

  it('refuses settings the service’s schema refuses, and services no plugin has, naming them', async () => {
    await expect(createJourneyTest({ plugins: [acme], serviceSettings: { 'acme/gateway': { baseUrl: 'https://g.example', token: 'short' } } }))
      .rejects.toThrow('serviceSettings["acme/gateway"] refused: token: token is at least 8 characters');
    await expect(createJourneyTest({ plugins: [acme], serviceSettings: { 'sms/gateway': {} } }))
      .rejects.toThrow('no service "sms/gateway" in the plugins given (services: core/webhook, acme/gateway)');
  });
});
