// The date modes of Wait through the SDK's test context: its clock is the injected `now`.
import { configIssues, createTestContext, type JourneyEvent } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { wait } from './definition';

const now = new Date('2026-01-07T15:30:00Z'); // a Wednesday
const cfg = (c: Record<string, unknown>) => wait.config.parse({ mode: 'relative', amount: 3, unit: 'days', weekday: -1, hour: 10, ...c });
const delivered = (properties: Record<string, unknown>): JourneyEvent =>
  ({ messageId: 'm1', name: 'Order Delivered', customerId: 'cust_test', properties, timestamp: new Date('2026-01-06T08:00:00Z') });

describe('core/wait until a date and time', () => {
  const at = '2026-12-24T09:00:00+01:00';

  it('means that date and time in each customer’s time zone, or one exact moment for everyone', async () => {
    const { ctx } = createTestContext({ now, customer: { timezone: 'America/New_York' } });
    expect(await wait.execute!(ctx, cfg({ mode: 'date', at }))).toEqual({ kind: 'sleepUntil', until: new Date('2026-12-24T14:00:00Z'), branch: 'out' });
    expect(await wait.execute!(ctx, cfg({ mode: 'date', at, atZone: 'exact' }))).toEqual({ kind: 'sleepUntil', until: new Date('2026-12-24T08:00:00Z'), branch: 'out' });
  });

  it('goes on at once when the moment has passed, and counts it', async () => {
    const { ctx, effects } = createTestContext({ now });
    expect(await wait.execute!(ctx, cfg({ mode: 'date', at: '2025-12-24T09:00:00+01:00' }))).toEqual({ kind: 'next', branch: 'out' });
    expect(effects.counts).toEqual({ past: 1 });
  });
});

describe('core/wait until a date from the customer’s data', () => {
  it('waits until 3 days before the next birthday, at 09:00 in the customer’s time zone', async () => {
    const { ctx } = createTestContext({ now, customer: { timezone: 'Europe/Belgrade', birthday: '1990-05-12' } });
    const instruction = await wait.execute!(ctx, cfg({ from: 'birthday', direction: 'before', offset: 3, atHour: 9 }));
    expect(instruction).toEqual({ kind: 'sleepUntil', until: new Date('2026-05-09T07:00:00Z'), branch: 'out' });
  });

  it('reads a custom date attribute, every year when asked', async () => {
    const { ctx } = createTestContext({ now, customer: { attributes: { signed_up: '2019-03-02T18:20:00Z' } } });
    expect(await wait.execute!(ctx, cfg({ from: 'attribute', field: 'signed_up', yearly: true })))
      .toMatchObject({ until: new Date('2026-03-02T18:20:00Z') });
    expect(await wait.execute!(ctx, cfg({ from: 'attribute', field: 'signed_up' }))).toEqual({ kind: 'next', branch: 'out' });
  });

  it('reads a date property of the event that started the journey, hours before or after it', async () => {
    const run = { trigger: delivered({ delivered_at: '2026-01-08T15:00:00Z' }) };
    const { ctx } = createTestContext({ now, run, customer: { timezone: 'Europe/Ljubljana' } });
    expect(await wait.execute!(ctx, cfg({ from: 'event', field: 'delivered_at', offset: 2, atHour: 10 }))).toMatchObject({ until: new Date('2026-01-10T09:00:00Z') });
    expect(await wait.execute!(ctx, cfg({ from: 'event', field: 'delivered_at', direction: 'before', offset: 4, offsetUnit: 'hours' })))
      .toMatchObject({ until: new Date('2026-01-08T11:00:00Z') });
  });

  it('counts from the trigger event’s own time', async () => {
    const { ctx } = createTestContext({ now, run: { trigger: delivered({}) } });
    expect(await wait.execute!(ctx, cfg({ from: 'trigger', offset: 7 }))).toMatchObject({ until: new Date('2026-01-13T08:00:00Z') });
  });

  it('without the date goes on at once, or takes the “No date” branch; a value that is no date counts as none', async () => {
    const { ctx, effects } = createTestContext({ now, customer: { attributes: { renewal: 'next spring' } } });
    expect(await wait.execute!(ctx, cfg({ from: 'birthday' }))).toEqual({ kind: 'next', branch: 'out' });
    const branching = cfg({ from: 'attribute', field: 'renewal', ifMissing: 'branch' });
    expect(await wait.execute!(ctx, branching)).toEqual({ kind: 'next', branch: 'missing' });
    expect(effects.counts).toEqual({ missing: 2 });
    expect(wait.ui.branches instanceof Function && wait.ui.branches(branching).map((b) => b.id)).toEqual(['out', 'missing']);
    expect(wait.ui.branches instanceof Function && wait.ui.branches(cfg({ from: 'trigger', ifMissing: 'branch' })).map((b) => b.id)).toEqual(['out']);
  });
});

describe('core/wait within a random window', () => {
  const window = (c: Record<string, unknown> = {}) => cfg({ mode: 'window', from: 'step', minDays: 7, maxDays: 15, atHour: 10, ...c });

  it('lands on the same moment for the same run and step, and elsewhere for others', async () => {
    const until = async (runId: string, nodeId = 'review') =>
      ((await wait.execute!(createTestContext({ now, nodeId, run: { id: runId }, customer: { timezone: 'Europe/Belgrade' } }).ctx, window())) as { until: Date }).until;
    expect(await until('run_1')).toEqual(await until('run_1'));
    const moments = await Promise.all(Array.from({ length: 40 }, (_, i) => until(`run_${i}`)));
    expect(new Set(moments.map(Number)).size).toBeGreaterThan(5);
    for (const m of moments) {
      expect(m.getUTCHours()).toBe(9); // 10:00 in Belgrade in January
      expect(m >= new Date('2026-01-14T00:00:00Z') && m <= new Date('2026-01-22T23:59:59Z')).toBe(true);
    }
  });
});

describe('core/wait config', () => {
  it('reads a config saved before the date modes as the same wait', () => {
    expect(wait.config.parse({ mode: 'duration', amount: 3, unit: 'days', weekday: -1, hour: 10 })).toMatchObject({ mode: 'duration', amount: 3, from: 'trigger', atHour: -1 });
  });

  it('names the field a date mode is missing, in the marketer’s language', () => {
    expect(configIssues(wait, { ...wait.defaults, mode: 'date' }, 'sl')).toEqual([{ field: 'at', message: 'Izberite datum in uro' }]);
    expect(configIssues(wait, { ...wait.defaults, mode: 'relative', from: 'attribute' })).toEqual([{ field: 'field', message: 'Name the attribute or property' }]);
    expect(configIssues(wait, { ...wait.defaults, mode: 'window', minDays: 9, maxDays: 3 })).toEqual([{ field: 'maxDays', message: 'At least the first day' }]);
  });
});
