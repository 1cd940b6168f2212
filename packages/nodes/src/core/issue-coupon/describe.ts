// What a coupon gives, in English words: the description its emails show ({{ coupon.description }})
// when the marketer wrote none, and the card's English line.
import type { CouponKind } from '@afterglow/node-sdk';

const amount = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export function describeCoupon(c: { kind: CouponKind; value: number; minOrderTotal: number }): string {
  const what: Record<CouponKind, string> = {
    percent: `${amount(c.value)}% off your next order`,
    fixed: `${amount(c.value)} off your next order`,
    free_shipping: 'Free shipping on your next order',
  };
  return what[c.kind] + (c.minOrderTotal > 0 ? ` of ${amount(c.minOrderTotal)} or more` : '');
}
