import { createTestContext } from '@afterglow/node-sdk';
import { expect, it } from 'vitest';
import { waitForEventNode } from './definition';

const now = new Date('2026-02-01T10:00:00Z');
const trigger = { messageId: 'm', name: 'Order Completed', customerId: 'c', properties: { order_id: 'A7' }, timestamp: now };

it('waits for the event that shares the trigger’s order id, with a deadline', async () => {
  const { ctx } = createTestContext({ now, run: { trigger } });
  const config = waitForEventNode.config.parse(waitForEventNode.defaults);
  expect(await waitForEventNode.execute!(ctx, config)).toEqual({
    kind: 'waitForEvent', event: 'order_delivered', match: { order_id: 'A7' },
    timeoutAt: new Date('2026-02-15T10:00:00Z'), onEvent: 'happened', onTimeout: 'timed_out',
  });
});

it('never matches a value the trigger did not carry', async () => {
  const { ctx } = createTestContext({ now, run: { trigger: { ...trigger, properties: {} } } });
  const instruction = await waitForEventNode.execute!(ctx, waitForEventNode.config.parse(waitForEventNode.defaults));
  expect(instruction).toMatchObject({ match: { order_id: '\u0000missing' } });
});
