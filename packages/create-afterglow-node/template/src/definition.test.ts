// The node type alone, with a context that records what the step did instead of doing it.
import { configIssues, summaryOf, type JourneyEvent } from '@afterglow/node-sdk';
import { createTestContext } from '@afterglow/node-sdk/testing';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderPoints } from './definition.js';
import plugin from './index.js';

const config = { pointsPerUnit: 0.5, maxPoints: 400, totalProperty: 'total' };
const orderCompleted = (properties: Record<string, unknown>): JourneyEvent => ({
  messageId: 'msg_1', name: 'order_completed', customerId: 'cust_test', properties, timestamp: new Date('2026-01-05T09:00:00Z'),
});

test('grants points for the order total and counts them', async () => {
  const { ctx, effects } = createTestContext({ run: { trigger: orderCompleted({ total: 129.9 }) } });
  assert.deepEqual(await orderPoints.execute!(ctx, config), { kind: 'next', branch: 'rewarded' });
  assert.deepEqual(effects.points, [{ amount: 64, reason: 'Points for your order' }]);
  assert.deepEqual(effects.counts, { rewarded: 1, points: 64 });
});

test('grants no more than the cap', async () => {
  const { ctx, effects } = createTestContext({ run: { trigger: orderCompleted({ total: 5000 }) } });
  await orderPoints.execute!(ctx, config);
  assert.deepEqual(effects.points, [{ amount: 400, reason: 'Points for your order' }]);
});

test('goes the skipped way when the run has no order total', async () => {
  for (const trigger of [null, orderCompleted({}), orderCompleted({ total: 'free' })]) {
    const { ctx, effects } = createTestContext({ run: { trigger } });
    assert.deepEqual(await orderPoints.execute!(ctx, config), { kind: 'next', branch: 'skipped' });
    assert.deepEqual(effects.points, []);
  }
});

test('refuses a bad config, naming the field', () => {
  assert.deepEqual(configIssues(orderPoints, { ...config, maxPoints: 0 }), [{ field: 'maxPoints', message: 'At least 1 point' }]);
  assert.equal(summaryOf(orderPoints, config), '0.5 per 1 spent, at most 400 points');
});

test('the plugin carries the node type', () => {
  assert.deepEqual(plugin.nodeTypes.map((d) => d.id), [orderPoints.id]);
});
