import { createTestContext } from '@afterglow/node-sdk';
import { describe, expect, it } from 'vitest';
import { wait } from './definition';

const now = new Date('2026-01-07T15:30:00Z'); // a Wednesday

describe('core/wait', () => {
  it('sleeps for a duration', async () => {
    const { ctx } = createTestContext({ now });
    const config = wait.config.parse({ mode: 'duration', amount: 3, unit: 'days', weekday: -1, hour: 10 });
    expect(await wait.execute!(ctx, config)).toEqual({ kind: 'sleepUntil', until: new Date('2026-01-10T15:30:00Z'), branch: 'out' });
  });

  it('sleeps until a weekday and hour in the customer’s time zone', async () => {
    const { ctx } = createTestContext({ now, customer: { timezone: 'Europe/Paris' } });
    const config = wait.config.parse({ mode: 'until', amount: 1, unit: 'days', weekday: 5, hour: 9 });
    const instruction = await wait.execute!(ctx, config);
    expect(instruction).toMatchObject({ kind: 'sleepUntil', until: new Date('2026-01-09T08:00:00Z') });
  });

  it('summarises itself for the canvas card', () => {
    expect(wait.ui.summary(wait.config.parse({ mode: 'duration', amount: 1, unit: 'weeks', weekday: -1, hour: 0 }))).toBe('Wait 1 week');
  });
});
