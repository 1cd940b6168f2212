import { describe, expect, it } from 'vitest';
import { inputIssues, MAX_DEPTH } from './inspect';
import { fitsDate, fitsMoney, fitsTimestamptz } from './limits';

const nest = (depth: number, leaf: unknown = 1) => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const paths = (value: unknown, prefix?: (string | number)[]) => inputIssues(value, prefix).map((i) => i.path);

describe('inputIssues', () => {
  it('lets ordinary values through, paired surrogates (emoji) included', () => {
    expect(inputIssues({ name: 'Zoë 😀', tags: ['a', 1, true, null], n: 1e308, nested: nest(MAX_DEPTH - 1) })).toEqual([]);
  });

  it('names NUL and unpaired surrogates in values and keys, in document order', () => {
    expect(paths({ a: 'x\u0000', b: [{ c: '\ud800' }, 'ok'], 'k\u0000': 1, d: 'y\udc00z' }))
      .toEqual(['a', 'b.0.c', 'k\\u0000', 'd']);
    expect(inputIssues('\u0000')).toEqual([{ path: '(body)', message: expect.stringContaining('NUL') }]);
    expect(inputIssues({ x: '\udfff' })[0].message).toContain('\\udfff');
  });

  it('prefixes paths (a batch message is named by its index)', () => {
    expect(paths({ v: '\u0000' }, ['batch', 3])).toEqual(['batch.3.v']);
  });

  it('refuses numbers JSON can spell but JavaScript cannot hold', () => {
    expect(paths(JSON.parse('{"big":1e400,"small":-1e400}'))).toEqual(['big', 'small']);
  });

  it(`refuses nesting past ${MAX_DEPTH} levels at the level it passes, and a million levels costs no stack`, () => {
    expect(paths(nest(MAX_DEPTH))).toEqual([]);
    expect(paths(nest(MAX_DEPTH + 1))).toEqual([Array(MAX_DEPTH).fill('a').join('.')]);
    const deep = JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(inputIssues(deep)).toHaveLength(1);
  });

  it('names at most 20 problems', () => {
    expect(inputIssues(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });

  it('leaves objects that are not plain data to the schema', () => {
    expect(inputIssues({ when: new Date(), bytes: Buffer.from([0]) })).toEqual([]);
  });
});

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
