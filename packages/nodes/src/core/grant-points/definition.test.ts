import { createTestContext } from '@afterglow/node-sdk';
import { expect, it } from 'vitest';
import { grantPoints } from './definition';

it('grants the configured points with the reason', async () => {
  const { ctx, effects } = createTestContext();
  expect(await grantPoints.execute!(ctx, { amount: 25, reason: 'Review bonus' })).toEqual({ kind: 'next', branch: 'out' });
  expect(effects.points).toEqual([{ amount: 25, reason: 'Review bonus' }]);
});
