import { describe, expect, it } from 'vitest';
import { inputIssues, MAX_DEPTH } from './inspect';

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
