import { configIssues, createTestContext, summaryOf } from '@afterglow/node-sdk';
import { expect, it } from 'vitest';
import { issueCoupon } from './definition';

const base = { kind: 'percent', value: 15, prefix: 'winback', validDays: 14, minOrderTotal: 50, description: '' } as const;

it('issues one coupon with the prefix upper-cased and a written description, then goes on', async () => {
  const { ctx, effects } = createTestContext();
  expect(await issueCoupon.execute!(ctx, base)).toEqual({ kind: 'next', branch: 'out' });
  expect(effects.coupons).toEqual([{ kind: 'percent', value: 15, prefix: 'WINBACK', validDays: 14, minOrderTotal: 50, description: '15% off your next order of 50 or more' }]);
  expect(ctx.run.context.coupon).toMatchObject({ code: 'WINBACK-TEST1', description: '15% off your next order of 50 or more' });
});

it('keeps the marketer’s description and gives free shipping no value', async () => {
  const { ctx, effects } = createTestContext();
  await issueCoupon.execute!(ctx, { ...base, kind: 'free_shipping', minOrderTotal: 0, description: 'On us: free delivery' });
  expect(effects.coupons[0]).toMatchObject({ kind: 'free_shipping', value: 0, description: 'On us: free delivery' });
});

it('refuses bad config with the field named', () => {
  const fields = (c: unknown) => configIssues(issueCoupon, c).map((i) => i.field);
  expect(fields({ ...base, value: 150 })).toEqual(['value']);
  expect(fields({ ...base, value: 0 })).toEqual(['value']);
  expect(fields({ ...base, kind: 'fixed', value: 150 })).toEqual([]);
  expect(fields({ ...base, prefix: 'WIN-BACK' })).toEqual(['prefix']);
  expect(fields({ ...base, validDays: 0 })).toEqual(['validDays']);
  expect(fields({ ...base, minOrderTotal: -1 })).toEqual(['minOrderTotal']);
  expect(fields({ ...base, description: 'a\r\nBcc: x' })).toEqual(['description']);
});

it('summarises what the coupon gives', () => {
  expect(summaryOf(issueCoupon, { ...base, kind: 'fixed', value: 5, minOrderTotal: 0 })).toBe('5 off your next order · valid 14 days');
  expect(summaryOf(issueCoupon, { ...base, description: 'VIP thanks' })).toBe('VIP thanks · valid 14 days');
});
