// Values a careless client or an attacker sends, and the ways they are mixed into an
// otherwise sensible value: replace something at a random place in it, add a key, nest it
// deep. JSON text JavaScript cannot hold as a value (1e400 reads as Infinity) or cannot
// stringify (nesting thousands deep overflows the stack) travels as a marker string that
// toJson writes out bare.
import fc from 'fast-check';

const RAW = '\u0001raw:';
/** A JSON literal written as is by toJson (e.g. 1e400, which JSON.parse reads as Infinity). */
export const rawLiteral = (text: string) => `${RAW}${text}`;

/** JSON text of a value, with rawLiteral markers written bare. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001raw:(?:[^"\\]|\\.)*"/g, (marker) => (JSON.parse(marker) as string).slice(RAW.length));
}

/** A value nested `depth` levels deep (arrays or objects), with `leaf` at the bottom; as raw JSON text past 200. */
export function nested(depth: number, leaf: unknown, asObject: boolean): unknown {
  if (depth > 200) {
    const [open, close] = asObject ? ['{"a":', '}'] : ['[', ']'];
    return rawLiteral(`${open.repeat(depth)}${toJson(leaf)}${close.repeat(depth)}`);
  }
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** Text Postgres refuses: NUL anywhere, a UTF-16 surrogate without its pair. */
export const unstorableString = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\ud83d', '\udc00\ud800'),
  fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom('\u0000', '\ud800', '\udfff')).map(([t, bad]) => `${t}${bad}${t}`),
);

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: unstorableString },
  { weight: 4, arbitrary: fc.constantFrom(
    '😀', '\u202e\u0645', '', ' ', '\t\r\n', "'; drop table customers; --", '%00', '%', '{{ customer.email }}',
    '{% for i in (1..1000000) %}x{% endfor %}', '<script>alert(1)</script>', '../../etc/passwd', '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59+23:59', '2024-02-30', '1e400', '-1', 'NaN', 'null', 'true', '\\', '"', '\uFEFF', 'ᛗᛖ', 'Ⅻ', 'İ', 'ß',
  ) },
  { weight: 1, arbitrary: fc.nat({ max: 3 }).map((k) => ['x', '\u0000', '😀', 'é'][k].repeat(70_000)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(
    1e10, 9_999_999_999.995, 9_999_999_999.99, -1, -0, 0.1, 1e308, -1e308, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1,
    2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 5e-324, 1e21, 123456789012345680000,
  ),
  fc.constantFrom('1e400', '-1e400', '1e-400', '123456789012345678901234567890', '0.0000000000000000000001').map(rawLiteral),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const wrongType = fc.constantFrom<unknown>(
  null, true, false, 0, [], {}, [[]], '', [null], JSON.parse('{"__proto__":{"polluted":1}}'),
  { constructor: { prototype: { polluted: 1 } } }, Array.from({ length: 3000 }, (_, i) => i),
);

export const deepValue = fc.tuple(fc.constantFrom(63, 64, 65, 100, 5_000, 20_000), fc.boolean(), fc.constantFrom<unknown>(1, 'x', null, {}))
  .map(([depth, asObject, leaf]) => nested(depth, leaf, asObject));

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileString },
  { weight: 5, arbitrary: hostileNumber },
  { weight: 3, arbitrary: wrongType },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
);

/** Every place in a value (at most 400): its own path and those of everything inside it. */
function places(value: unknown, path: (string | number)[] = [], out: Array<{ path: (string | number)[]; value: unknown }> = []) {
  if (out.length >= 400) return out;
  out.push({ path, value });
  if (Array.isArray(value)) value.slice(0, 50).forEach((v, i) => places(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value).slice(0, 50)) places(v, [...path, k], out);
  return out;
}

const isContainer = (v: unknown) => v !== null && typeof v === 'object';

/** A copy of `value` with `replacement` at `path` (own keys only, "__proto__" included). */
function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const inner = setAt((value as Record<string | number, unknown>)[head], rest, replacement);
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? inner : v));
  return { ...(value as object), [head]: inner };
}

export type Mutation = 'replace' | 'add-key' | 'nest';

/**
 * `value` with `hostile` put in at the place `pick` selects (a deterministic choice, so runs
 * replay): replacing a leaf (a value in a field that is otherwise right is what gets furthest),
 * adding a key to an object, or nesting what is somewhere deep.
 */
export function mutate(value: unknown, pick: number, how: Mutation, hostile: unknown, key = 'extra'): unknown {
  const all = places(value);
  const choose = <T>(list: T[]) => list[pick % list.length];
  if (how === 'replace') {
    const leaves = all.filter((p) => !isContainer(p.value));
    return setAt(value, choose(leaves.length ? leaves : all).path, hostile);
  }
  const objects = all.filter((p) => isContainer(p.value) && !Array.isArray(p.value));
  if (how === 'add-key' && objects.length) {
    const target = choose(objects);
    return setAt(value, target.path, { ...(target.value as object), [key]: hostile });
  }
  const target = choose(all);
  return setAt(value, target.path, nested(pick % 2 === 0 ? 70 : 3000, target.value ?? hostile, pick % 3 === 0));
}

/** An arbitrary of `base` values, some of them (`share`, 0..1) with one to three hostile values mixed in. */
export function withHostility<T>(base: fc.Arbitrary<T>, share = 0.5): fc.Arbitrary<unknown> {
  const keys = fc.oneof(fc.constantFrom('extra', '\u0000', 'a\u0000', '\ud800', '__proto__', 'constructor', '', 'total', 'revenue'), fc.string({ maxLength: 8 }));
  const how = fc.constantFrom<Mutation>('replace', 'replace', 'replace', 'replace', 'replace', 'add-key', 'add-key', 'nest');
  const change = fc.tuple(fc.nat(), how, hostileValue, keys);
  const mutated = fc.tuple(base, fc.array(change, { minLength: 1, maxLength: 3 }))
    .map(([value, changes]) => changes.reduce<unknown>((v, [pick, h, hostile, key]) => mutate(v, pick, h, hostile, key), value));
  const weight = Math.round(share * 10);
  return fc.oneof({ weight: 10 - weight, arbitrary: base }, { weight, arbitrary: mutated });
}
