import { expect, it } from 'vitest';
import { CODE_ALPHABET, newCouponCode } from './coupons';

it('makes codes of 12 unambiguous characters after the prefix, all different', () => {
  const codes = Array.from({ length: 20_000 }, () => newCouponCode('winback'));
  for (const code of codes.slice(0, 200)) expect(code).toMatch(/^WINBACK-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/);
  expect(new Set(codes).size).toBe(codes.length);
  expect(newCouponCode('')).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/);
  expect(CODE_ALPHABET).not.toMatch(/[0O1IL]/);
});

it('draws every character about equally often (no modulo bias)', () => {
  const counts = new Map<string, number>();
  for (let i = 0; i < 20_000; i++) for (const c of newCouponCode('')) counts.set(c, (counts.get(c) ?? 0) + 1);
  expect(counts.size).toBe(CODE_ALPHABET.length);
  // ≈ 7742 each, sd ≈ 87; `byte % 31` over all 256 bytes would give 8 characters 12.5% more (≈ +970).
  const expected = (20_000 * 12) / CODE_ALPHABET.length;
  for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.05);
});
