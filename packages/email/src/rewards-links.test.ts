// The My rewards link: one customer's, its expiry signed with it; merge data carries it.
import { expect, it } from 'vitest';
import { TokenError, verifyToken } from './compliance/tokens';
import { REWARDS_LINK_DAYS, rewardsPageUrl } from './rewards-links';

const now = new Date('2026-06-01T12:00:00Z');
const url = rewardsPageUrl({ publicUrl: 'https://mail.shop.test/', secret: 's3cret', workspaceId: 'ws', customerId: 'c1', now });
const token = new URL(url).pathname.split('/')[2];

it('signs one customer, valid for REWARDS_LINK_DAYS', () => {
  expect(url).toMatch(/^https:\/\/mail\.shop\.test\/w\/[\w-]+\.[\w-]{43}$/);
  expect(verifyToken(token, 'w', 's3cret')).toEqual({ t: 'w', w: 'ws', c: 'c1', x: now.getTime() / 1000 + REWARDS_LINK_DAYS * 86_400 });
});

it('is refused with another secret, for another purpose, or for another customer', () => {
  expect(() => verifyToken(token, 'w', 'other')).toThrow(TokenError);
  expect(() => verifyToken(token, 'p', 's3cret')).toThrow(TokenError);
  const [body, signature] = token.split('.');
  const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), c: 'c2' })).toString('base64url');
  expect(() => verifyToken(`${other}.${signature}`, 'w', 's3cret')).toThrow(TokenError);
});
