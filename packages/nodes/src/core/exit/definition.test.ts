import { createTestContext } from '@afterglow/node-sdk';
import { expect, it } from 'vitest';
import { exitJourney } from './definition';

it('ends the run with its label and offers no branch', async () => {
  const { ctx } = createTestContext();
  expect(await exitJourney.execute!(ctx, { reason: 'Converted' })).toEqual({ kind: 'exit', reason: 'Converted' });
  expect(exitJourney.ui.branches).toEqual([]);
});
