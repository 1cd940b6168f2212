// Inputs from a procedure's own zod schema: z.toJSONSchema (input side) walked into a
// fast-check arbitrary, so a new procedure, or a new field, is fuzzed without edits. Most
// values come out as the schema wants them, to get past validation into the handler, but a
// leaf is now and then a hostile string or number (the schema may not bound it); a property
// whose name the app already has real values for (ids, a journey's draft, a segment's rule)
// sometimes takes one of those, to reach the rows behind it.
import fc from 'fast-check';
import { z } from 'zod';
import { hostileNumber, hostileString } from './hostile';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON Schema of any shape, read key by key.
type Schema = Record<string, any>;

/** Real values by property name (e.g. id: the ids of the demo's journeys, templates...). */
export type Examples = Record<string, unknown[]>;

const MAX_DEPTH = 5;

/** A schema's own values, and one time in six a hostile one. */
const orHostile = <T>(own: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: own }, { weight: 1, arbitrary: hostile });

function stringFor(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date-time') return fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'date') return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'uri' || s.format === 'url') return fc.webUrl({ validSchemes: ['https', 'http'] });
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot generate from: plain strings (refused by the schema, still a case).
    }
  }
  return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', minLength: min, maxLength: max }));
}

function numberFor(s: Schema): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1e6);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1e6);
  if (s.type === 'integer') return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectFor(s: Schema, walk: (s: Schema, depth: number, name?: string) => fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown> {
  const props = Object.entries<Schema>(s.properties ?? {});
  const required = new Set<string>(s.required ?? []);
  if (props.length === 0 && s.additionalProperties && typeof s.additionalProperties === 'object') {
    return fc.dictionary(fc.string({ maxLength: 12 }), walk(s.additionalProperties, depth + 1), { maxKeys: 4 });
  }
  const record = Object.fromEntries(props.map(([k, v]) => [k, walk(v, depth + 1, k)]));
  const requiredKeys = props.filter(([k]) => required.has(k)).map(([k]) => k);
  return fc.record(record, { requiredKeys });
}

/** An arbitrary of values for a JSON schema (draft 2020-12, as z.toJSONSchema writes it). */
export function arbitraryForSchema(root: Schema, examples: Examples = {}): fc.Arbitrary<unknown> {
  const walk = (s: Schema, depth: number, name?: string): fc.Arbitrary<unknown> => {
    const own = ownArbitrary(s, depth);
    const known = name ? examples[name] : undefined;
    return known?.length ? fc.oneof({ weight: 2, arbitrary: own }, { weight: 1, arbitrary: fc.constantFrom(...known) }) : own;
  };
  const ownArbitrary = (s: Schema, depth: number): fc.Arbitrary<unknown> => {
    if (s.$ref) {
      const name = String(s.$ref).replace(/^#\/\$defs\//, '');
      const target = s.$ref === '#' ? root : root.$defs?.[name];
      return depth > MAX_DEPTH || !target ? fc.constant({}) : walk(target, depth + 1);
    }
    if ('const' in s) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const options = s.anyOf ?? s.oneOf;
    if (options) return fc.oneof(...options.map((o: Schema) => walk(o, depth + 1)));
    if (s.allOf) return walk(Object.assign({}, ...s.allOf), depth + 1);
    switch (s.type) {
      case 'string': return orHostile(stringFor(s), hostileString);
      case 'number': case 'integer': return orHostile<unknown>(numberFor(s), hostileNumber);
      case 'boolean': return fc.boolean();
      case 'null': return fc.constant(null);
      case 'array':
        if (depth > MAX_DEPTH) return fc.constant([]);
        return fc.array(walk(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
      case 'object':
        return depth > MAX_DEPTH ? fc.constant({}) : objectFor(s, walk, depth);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };
  return walk(root, 0);
}

/** Values for a zod schema's input side; any JSON when it cannot be written as JSON schema. */
export function arbitraryForZod(schema: z.ZodType, examples: Examples = {}): fc.Arbitrary<unknown> {
  try {
    return arbitraryForSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema, examples);
  } catch {
    return fc.jsonValue({ maxDepth: 3 });
  }
}
