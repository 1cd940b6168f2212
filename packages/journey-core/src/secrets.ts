// Which values of a node's config are secrets: those its zod schema marks with
// `.meta({ widget: 'secret' })`, at any depth (a list's items included, e.g. every header
// value of a Call webhook step). Read from the schema like the config form, so a third-party
// node type's secrets are treated the same way: sealed at rest, hidden from readers who cannot
// edit, opened only where the step runs. `.meta({ secretTarget: true })` marks the field that
// says where the secrets are sent (a URL): a stored secret is kept across a save only while
// it stays the same (for a URL: the same origin).
import type { NodeRegistry, NodeTypeDefinition } from '@afterglow/node-sdk';
import { z } from 'zod';
import type { JourneyPlan } from './compile';
import type { JourneyGraph } from './graph';
import { definitionOf } from './versions';

/** A path into a config; '*' stands for every item of a list. */
export type SecretPattern = readonly (string | '*')[];
/** Where one value is: keys and list indexes. */
export type ConfigPath = readonly (string | number)[];

export interface SecretFields {
  secrets: SecretPattern[];
  targets: SecretPattern[];
}

interface SchemaNode {
  widget?: string;
  secretTarget?: boolean;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

function collect(schema: SchemaNode, at: (string | '*')[], found: SecretFields, depth: number): void {
  if (depth > 8) return;
  if (schema.widget === 'secret') found.secrets.push(at);
  if (schema.secretTarget) found.targets.push(at);
  for (const [key, child] of Object.entries(schema.properties ?? {})) collect(child, [...at, key], found, depth + 1);
  if (schema.items) collect(schema.items, [...at, '*'], found, depth + 1);
}

/** Anything with a config schema: a node type, or a service's settings (`{ config: service.settings }`). */
export type WithSchema = Pick<NodeTypeDefinition, 'config'>;

const cache = new WeakMap<object, SecretFields>();

export function secretFieldsOf(def: WithSchema): SecretFields {
  let fields = cache.get(def.config);
  if (!fields) {
    fields = { secrets: [], targets: [] };
    collect(z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }) as SchemaNode, [], fields, 0);
    cache.set(def.config, fields);
  }
  return fields;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function mapAt(value: unknown, pattern: SecretPattern, i: number, path: (string | number)[], fn: (value: string, path: ConfigPath) => string): unknown {
  if (i === pattern.length) return typeof value === 'string' && value !== '' ? fn(value, path) : value;
  const key = pattern[i];
  if (key === '*') return Array.isArray(value) ? value.map((item, j) => mapAt(item, pattern, i + 1, [...path, j], fn)) : value;
  if (!isRecord(value) || !Object.hasOwn(value, key)) return value;
  return { ...value, [key]: mapAt(value[key], pattern, i + 1, [...path, key], fn) };
}

/** The config with every non-empty secret replaced by what `fn` returns for it; the rest untouched. */
export function mapConfigSecrets<C>(def: WithSchema, config: C, fn: (value: string, path: ConfigPath) => string): C {
  return secretFieldsOf(def).secrets.reduce<unknown>((c, pattern) => mapAt(c, pattern, 0, [], fn), config) as C;
}

/** JSON with sorted keys: two items compare equal however their keys were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** What identifies a list item: its fields other than secrets (a header: its name). */
function identityOf(item: unknown, patterns: SecretPattern[]): string {
  return canonical(patterns.reduce<unknown>((c, pattern) => mapAt(c, pattern, 0, [], () => ''), item));
}

/**
 * The value of `stored` at the place that `path` names in `current`: keys are followed as they
 * are; a list item is the stored item whose other fields equal those of the current one (a
 * header is found by its name, wherever it moved). undefined when there is no such place.
 */
export function counterpartOf(def: WithSchema, stored: unknown, current: unknown, path: ConfigPath): unknown {
  const { secrets } = secretFieldsOf(def);
  let s = stored;
  let c = current;
  for (const [i, key] of path.entries()) {
    if (typeof key === 'number') {
      if (!Array.isArray(s) || !Array.isArray(c)) return undefined;
      const within = secrets.filter((p) => p[i] === '*' && p.slice(0, i).every((k, j) => k === path[j])).map((p) => p.slice(i + 1));
      const identity = identityOf(c[key], within);
      s = s.find((item) => identityOf(item, within) === identity);
      c = c[key];
    } else {
      s = isRecord(s) && Object.hasOwn(s, key) ? s[key] : undefined;
      c = isRecord(c) && Object.hasOwn(c, key) ? c[key] : undefined;
    }
  }
  return s;
}

function valueAt(config: unknown, pattern: SecretPattern): unknown {
  return pattern.reduce<unknown>((v, key) => (isRecord(v) && key !== '*' && Object.hasOwn(v, key) ? v[key] : undefined), config);
}

// An opaque origin (the string 'null', e.g. of mailto:) says nothing: such values compare as text.
const originOf = (v: unknown) => (typeof v === 'string' && URL.canParse(v) && new URL(v).origin !== 'null' ? new URL(v).origin : null);

/** Whether the fields saying where secrets go (secretTarget) are the same: for a URL, the same origin. */
export function sameSecretTargets(def: WithSchema, a: unknown, b: unknown): boolean {
  return secretFieldsOf(def).targets.every((pattern) => {
    const [x, y] = [valueAt(a, pattern), valueAt(b, pattern)];
    const [ox, oy] = [originOf(x), originOf(y)];
    return ox !== null && oy !== null ? ox === oy : canonical(x) === canonical(y);
  });
}

/** Node types with secrets in the config of any installed version (to find the stored graphs that hold any). */
export const typesWithSecrets = (registry: NodeRegistry): string[] =>
  registry.all().filter((newest) => Array.from({ length: newest.version }, (_, i) => registry.get(newest.id, i + 1))
    .some((def) => def && secretFieldsOf(def).secrets.length > 0)).map((def) => def.id);

/**
 * The definition whose schema says where a node's secrets are: the version its config is written
 * for, or the newest when that one is not installed (its fields are then unknown, and sealing a
 * field too many is harmless where one too few is not: open() reads a plain value as it is).
 */
export const secretsDefinitionOf = (registry: NodeRegistry, node: { type: string; typeVersion?: number }): NodeTypeDefinition | undefined =>
  definitionOf(registry, node) ?? registry.get(node.type);

export type SecretMapper = (value: string, at: { nodeId: string; path: ConfigPath }) => string;

/** The graph with `fn` applied to every secret of every node of a known type, by the version its config is written for. */
export function mapGraphSecrets(graph: JourneyGraph, registry: NodeRegistry, fn: SecretMapper): JourneyGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const def = secretsDefinitionOf(registry, node);
      return def ? { ...node, config: mapConfigSecrets(def, node.config, (value, path) => fn(value, { nodeId: node.id, path })) } : node;
    }),
  };
}

/** The plan with `fn` applied to every secret of every node of a known type, by the version it was published with. */
export function mapPlanSecrets(plan: JourneyPlan, registry: NodeRegistry, fn: SecretMapper): JourneyPlan {
  const nodes = Object.fromEntries(Object.entries(plan.nodes).map(([nodeId, node]) => {
    const def = secretsDefinitionOf(registry, node);
    return [nodeId, def ? { ...node, config: mapConfigSecrets(def, node.config, (value, path) => fn(value, { nodeId, path })) } : node];
  }));
  return { ...plan, nodes };
}
