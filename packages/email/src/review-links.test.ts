// The review page's links: signed for one order of one customer, with their expiry inside the
// signed part, so neither the order nor the date can be changed; merge data carries them.
import { expect, it } from 'vitest';
import { TokenError, verifyToken } from './compliance/tokens';
import { buildMergeData } from './merge-data';
import { REVIEW_LINK_DAYS, reviewPageLinks } from './review-links';

const now = new Date('2026-06-01T12:00:00Z');
const links = reviewPageLinks({ publicUrl: 'https://mail.shop.test/', secret: 's3cret', workspaceId: 'ws', customerId: 'c1', now });
const tokenOf = (url: string) => new URL(url).pathname.split('/')[2];

it('signs one order of one customer, valid for REVIEW_LINK_DAYS', () => {
  const url = links('o/7');
  expect(url).toMatch(/^https:\/\/mail\.shop\.test\/r\/[\w-]+\.[\w-]{43}$/);
  expect(verifyToken(tokenOf(url), 'r', 's3cret')).toEqual({
    t: 'r', w: 'ws', c: 'c1', o: 'o/7', x: now.getTime() / 1000 + REVIEW_LINK_DAYS * 86_400,
  });
  expect(links('o/7', 'lens x')).toBe(`${url}?product=lens%20x`);
});

it('is refused with another secret, for another purpose, or with its payload changed', () => {
  const token = tokenOf(links('o1'));
  expect(() => verifyToken(token, 'r', 'other')).toThrow(TokenError);
  expect(() => verifyToken(token, 'p', 's3cret')).toThrow(TokenError);
  const [body, signature] = token.split('.');
  const later = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), x: 9_999_999_999 })).toString('base64url');
  expect(() => verifyToken(`${later}.${signature}`, 'r', 's3cret')).toThrow(TokenError);
});

it('puts the hosted page into merge data: the order, and each item first on it', () => {
  const data = buildMergeData(
    { id: 'c1', email: 'c1@example.com', firstName: 'Cleo', lastName: null, timezone: 'UTC', birthday: null, attributes: {} },
    { name: 'Order Delivered', properties: { order_id: 'o1', products: [{ product_id: 'boot', name: 'Boot', price: 90 }] } },
    { name: 'Shop', url: 'https://shop.test', reviewPage: links },
  );
  expect(data.order?.reviewUrl).toBe(links('o1'));
  expect(data.order?.items[0].reviewUrl).toBe(links('o1', 'boot'));
});

it('falls back to the shop without signed links (a preview)', () => {
  const data = buildMergeData(
    { id: 'c1', email: null, firstName: null, lastName: null, timezone: 'UTC', birthday: null, attributes: {} },
    { name: 'Order Delivered', properties: { order_id: 'o1', products: [{ product_id: 'boot', name: 'Boot', price: 90 }] } },
    { name: 'Shop', url: 'https://shop.test' },
  );
  expect(data.order?.reviewUrl).toBe('https://shop.test');
  expect(data.order?.items[0].reviewUrl).toBe('https://shop.test/products/boot/review?order=o1');
});
