import { createTestContext } from '@afterglow/node-sdk';
import { expect, it } from 'vitest';
import { segmentCondition } from './definition';

it('branches yes for members and no for everyone else', async () => {
  const config = { segmentId: 'seg_vip' };
  const member = createTestContext({ segmentMembers: { seg_vip: true } });
  const other = createTestContext({ segmentMembers: { seg_vip: false } });
  expect(await segmentCondition.execute!(member.ctx, config)).toEqual({ kind: 'next', branch: 'yes' });
  expect(await segmentCondition.execute!(other.ctx, config)).toEqual({ kind: 'next', branch: 'no' });
});

it('refuses to publish with a segment that does not exist', async () => {
  const ctx = { segmentExists: async (id: string) => id === 'seg_vip', checkEmailTemplate: async () => [] };
  expect(await segmentCondition.check!({ segmentId: 'seg_gone' }, ctx)).toEqual([{ field: 'segmentId', message: 'The segment no longer exists: choose another' }]);
  expect(await segmentCondition.check!({ segmentId: 'seg_vip' }, ctx)).toEqual([]);
});
