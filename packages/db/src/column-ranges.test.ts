import { describe, expect, it } from 'vitest';
import { fitsDate, fitsMoney, fitsTimestamptz } from './column-ranges';

describe('column ranges', () => {
  it('numeric(12,2) holds 9,999,999,999.99 but not what rounds past it', () => {
    expect([9_999_999_999.99, 9_999_999_999.994, -9_999_999_999.99].every(fitsMoney)).toBe(true);
    expect([9_999_999_999.995, 1e10, Infinity].some(fitsMoney)).toBe(false);
  });

  it('timestamptz takes offsets up to ±15:59 and the years 0001-9999', () => {
    expect(['2025-01-01T00:00:00Z', '2025-01-01T00:00:00+15:59', '2025-01-01T00:00:00-1559', '0001-01-01T00:00:00Z'].every(fitsTimestamptz)).toBe(true);
    expect(['2025-01-01T00:00:00+16:00', '2025-01-01T00:00:00-23:59', '0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00'].some(fitsTimestamptz)).toBe(false);
    expect(fitsDate('0001-01-01') && !fitsDate('0000-12-31')).toBe(true);
  });
});
