// Every text a marketer reads about a node type exists in every language: each built-in node
// type and the SMS example plugin's (both versions) carry, for each non-English locale, the
// label, description, branches (but those the config names), counters, every field's label,
// help, placeholder and option labels, and the schema's own validation messages. A field, option or message added in English
// without its translations fails here. Serbian Latin is the Cyrillic transliterated, never a
// Cyrillic word (localizeNode falls back from 'sr-Latn' to plain 'sr', which is Cyrillic).
import { LOCALES, toLatin } from '@afterglow/i18n';
import { branchesOf, localizeNode, type FieldMeta, type NodeText, type NodeTypeDefinition } from '@afterglow/node-sdk';
import sms from 'afterglow-node-sms';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtInNodeTypes } from './index';

const CYRILLIC = /[\u0400-\u04FF]/;
const translatedLocales = LOCALES.filter((l) => l !== 'en');
const nodeTypes: NodeTypeDefinition[] = [...builtInNodeTypes, ...sms.nodeTypes];
const builtIn = new Set<NodeTypeDefinition>(builtInNodeTypes);

interface JsonField extends FieldMeta { properties?: Record<string, JsonField>; items?: JsonField }

/** Each field's English texts by dotted path without list indices ('headers.name'): translations' keys. */
function englishFields(field: JsonField, path = '', out = new Map<string, FieldMeta>()): Map<string, FieldMeta> {
  for (const [key, child] of Object.entries(field.properties ?? {})) {
    const childPath = path ? `${path}.${key}` : key;
    if (child.label || child.help || child.placeholder || child.options) out.set(childPath, child);
    englishFields(child, childPath, out);
  }
  if (field.items) englishFields(field.items, path, out);
  return out;
}

// zod keeps a message given as text as `error: () => text` on the schema or its check.
interface ZodPart { _zod: { def: Record<string, unknown> & { error?: () => unknown; checks?: ZodPart[] } } }

/** The messages a schema states as text (refinements included); computed ones are not listed. */
function schemaMessages(schema: ZodPart, out = new Set<string>()): Set<string> {
  const def = schema._zod.def;
  for (const part of [schema, ...(def.checks ?? [])]) {
    const message = part._zod.def.error?.();
    if (typeof message === 'string') out.add(message);
  }
  for (const key of ['shape', 'element', 'innerType', 'in', 'out']) {
    const inner = def[key] as ZodPart | Record<string, ZodPart> | undefined;
    if (!inner) continue;
    if ('_zod' in inner) schemaMessages(inner as ZodPart, out);
    else for (const child of Object.values(inner)) schemaMessages(child, out);
  }
  return out;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
}

describe.each(nodeTypes.map((def) => [`${def.id} v${def.version}`, def] as const))('%s', (_name, def) => {
  const fields = englishFields(z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }) as JsonField);
  const messages = [...schemaMessages(def.config as unknown as ZodPart)];

  it.each(translatedLocales)('has every English text in %s', (locale) => {
    const text: NodeText | undefined = def.translations?.[locale];
    expect(text, locale).toBeDefined();
    expect(text!.label, 'label').toBeTruthy();
    expect(text!.description, 'description').toBeTruthy();
    // A branch the config names (an A/B arm) carries the marketer's own words, shown as written.
    const named = new Set(strings(def.defaults));
    for (const branch of branchesOf(def, def.defaults).filter((b) => !named.has(b.label))) {
      expect(text!.branches?.[branch.id], `branch ${branch.id}`).toBeTruthy();
    }
    for (const counter of def.counters ?? []) expect(text!.counters?.[counter.id], `counter ${counter.id}`).toBeTruthy();
    for (const [path, meta] of fields) {
      const field = text!.fields?.[path];
      for (const key of ['label', 'help', 'placeholder'] as const) {
        // A placeholder that is an example value (381, a merge field) may stay as it is.
        if (meta[key] && !(key === 'placeholder' && !/[a-z]{3}/i.test(meta[key].replace(/\{\{.*?\}\}/g, '')))) {
          expect(field?.[key], `${path}.${key}`).toBeTruthy();
        }
      }
      for (const option of meta.options ?? []) expect(field?.options?.[String(option.value)], `${path} option ${String(option.value)}`).toBeTruthy();
    }
    // The SDK's ready-made fields (itemIdSchema, durationSchema) bring their messages' translations.
    const sdk = localizeNode({ ...def, translations: {} }, locale);
    for (const message of messages) expect(text!.messages?.[message] ?? (sdk.message(message) !== message || undefined), `message "${message}"`).toBeTruthy();
  });

  it('writes Serbian Latin without a Cyrillic letter', () => {
    const latin = def.translations?.['sr-Latn'];
    for (const s of strings(latin)) expect(s).not.toMatch(CYRILLIC);
    if (builtIn.has(def)) expect(strings(latin)).toEqual(strings(def.translations?.['sr-Cyrl']).map(toLatin));
  });
});
