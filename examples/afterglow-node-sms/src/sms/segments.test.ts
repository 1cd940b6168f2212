import { describe, expect, it } from 'vitest';
import { countSegments, isGsm7 } from './segments.js';

const a = (n: number) => 'a'.repeat(n);

describe('SMS segments', () => {
  it('fits 160 GSM-7 characters in one SMS and 153 per part after that', () => {
    expect(countSegments('')).toMatchObject({ segments: 0, units: 0, encoding: 'GSM-7' });
    expect(countSegments(a(160))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160, remaining: 0 });
    expect(countSegments(a(161))).toMatchObject({ segments: 2, perSegment: 153, remaining: 145 });
    expect(countSegments(a(306)).segments).toBe(2);
    expect(countSegments(a(307)).segments).toBe(3);
  });

  it('counts the extension table twice and never splits one across parts', () => {
    expect(isGsm7('Price: 20€ [promo] {x} ^~|\\')).toBe(true);
    expect(countSegments('€'.repeat(80))).toMatchObject({ units: 160, segments: 1, characters: 80 });
    expect(countSegments('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
    // 152 + 2 + 152 = 306 units: two parts of 153 by arithmetic, three because € cannot straddle.
    expect(countSegments(`${a(152)}€${a(152)}`)).toMatchObject({ units: 306, segments: 3, remaining: 152 });
  });

  it('sends everything as UCS-2 once one character is outside GSM-7: 70, then 67 per part', () => {
    expect(isGsm7('Café, Åsa, Ñoño')).toBe(true);
    expect(countSegments('Hvala, Đorđe')).toMatchObject({ encoding: 'UCS-2', units: 12, perSegment: 70 });
    expect(countSegments('ж'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1, remaining: 0 });
    expect(countSegments('ж'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67, remaining: 63 });
  });

  it('counts an emoji as one character, two units that stay in one part', () => {
    expect(countSegments('Hvala 🎉')).toMatchObject({ encoding: 'UCS-2', characters: 7, units: 8, segments: 1 });
    expect(countSegments(`${'я'.repeat(66)}😀${'я'.repeat(66)}`)).toMatchObject({ units: 134, segments: 3 });
  });
});
