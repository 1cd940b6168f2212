// Every message the API's schemas write themselves has a translation in every language, and
// no translation outlives its message. The messages are collected from the schemas as they are
// built (each procedure's input, and the schemas procedures parse themselves), so a new or
// reworded message fails here until it is translated: `pnpm vitest run packages/api/src/i18n`
// lists the missing ones.
import { journeyGraphSchema, journeySettingsSchema, shopSettingsSchema } from '@afterglow/journey-core';
import { attributeRuleMessages, segmentRuleSchema } from '@afterglow/db';
import { LOCALES } from '@afterglow/i18n';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../trpc/router';
import { schemaCatalogues } from './schema-messages';

interface ZodLike { _zod?: { def?: Record<string, unknown> } }
type ErrorFn = (issue: { input: unknown; code: string }) => unknown;

/** The fixed messages a schema's own `error`/`message` options give (tried with and without an input). */
function messagesOf(error: unknown): string[] {
  if (typeof error !== 'function') return [];
  return [undefined, ''].flatMap((input) => {
    try {
      const said = (error as ErrorFn)({ input, code: 'custom' });
      const message = typeof said === 'string' ? said : (said as { message?: unknown } | undefined)?.message;
      return typeof message === 'string' ? [message] : [];
    } catch {
      return [];
    }
  });
}

const CHILDREN = ['innerType', 'in', 'out', 'element', 'keyType', 'valueType', 'left', 'right', 'catchall', 'rest', 'schema'];

function collect(schema: unknown, found: Set<string>, seen = new Set<unknown>()): Set<string> {
  const def = (schema as ZodLike | null)?._zod?.def;
  if (!def || seen.has(schema)) return found;
  seen.add(schema);
  for (const m of messagesOf(def.error)) found.add(m);
  for (const check of (def.checks as ZodLike[] | undefined) ?? []) for (const m of messagesOf(check._zod?.def?.error)) found.add(m);
  const nested = [
    ...CHILDREN.map((key) => def[key]),
    ...Object.values((def.shape as Record<string, unknown> | undefined) ?? {}),
    ...((def.options as unknown[] | undefined) ?? []),
    ...((def.items as unknown[] | undefined) ?? []),
    ...(typeof def.getter === 'function' ? [(def.getter as () => unknown)()] : []),
  ];
  for (const child of nested) collect(child, found, seen);
  return found;
}

const procedures = Object.values(appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>);
const schemas = [
  ...procedures.flatMap((p) => p._def.inputs),
  // Parsed by the procedures themselves, not as their input.
  segmentRuleSchema, journeyGraphSchema, journeySettingsSchema, shopSettingsSchema,
];
const english = [...schemas.reduce<Set<string>>((found, schema) => collect(schema, found), new Set(
  // Given by refinements (which the collector cannot call): listed by their schema.
  Object.values(attributeRuleMessages),
))].sort();

it('finds the schemas\' own messages (the collector reads zod as it is built)', () => {
  expect(english).toContain('Shop name must not be empty');
  expect(english).toContain('Give the journey a name');
});

describe.each(LOCALES.filter((l) => l !== 'en'))('the %s schema messages', (locale) => {
  it('translate every message the schemas give, and nothing else', () => {
    const catalogue = schemaCatalogues[locale];
    expect(english.filter((m) => !(m in catalogue)), 'untranslated').toEqual([]);
    expect(Object.keys(catalogue).filter((m) => !english.includes(m)), 'no longer given by any schema').toEqual([]);
    for (const [source, translated] of Object.entries(catalogue)) expect(translated.trim(), source).not.toBe('');
  });
});
