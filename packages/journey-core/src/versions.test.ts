import { defineNodeType, NodeRegistry, next } from '@afterglow/node-sdk';
import { createRegistry } from '@afterglow/nodes';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileGraph } from './compile';
import type { GraphNode, JourneyGraph } from './graph';
import { mapGraphSecrets, typesWithSecrets } from './secrets';
import { validateGraph } from './validate';
import { migrateGraph } from './versions';

const ui = { label: 'Greet', description: 'Says hello', icon: 'message' as const, color: 'sky' as const, branches: [{ id: 'out', label: 'Then' }] };
const greetV1 = defineNodeType({
  id: 'test/greet', version: 1, category: 'action',
  config: z.object({ text: z.string().min(1), token: z.string().meta({ widget: 'secret' }).default('') }),
  defaults: { text: 'Hi', token: '' },
  ui: { ...ui, summary: (c) => c.text },
  execute: () => next(),
});
const v2Config = z.object({ greeting: z.string().min(1), shout: z.boolean() });
const greetV2 = defineNodeType({
  id: 'test/greet', version: 2, category: 'action',
  config: v2Config,
  defaults: { greeting: 'Hi', shout: false },
  ui: { ...ui, summary: (c) => c.greeting },
  migrations: [{ from: 1, up: (c) => ({ greeting: c.text, shout: false }), note: 'Text is now Greeting; Shout is off' }],
  execute: () => next(),
});

const at = { x: 0, y: 0 };
const greet = (id: string, config: Record<string, unknown>, typeVersion?: number): GraphNode =>
  ({ id, type: 'test/greet', position: at, config, ...(typeVersion ? { typeVersion } : {}) });
const journey = (...steps: GraphNode[]): JourneyGraph => ({
  nodes: [{ id: 't', type: 'core/trigger-event', typeVersion: 1, position: at, config: { event: 'Signed Up', filters: [], entryKeyProperty: '' } }, ...steps],
  edges: steps.map((s, i) => ({ id: `e${i}`, source: i === 0 ? 't' : steps[i - 1].id, sourceHandle: 'out', target: s.id })),
});
const registryOf = (...defs: Parameters<NodeRegistry['register']>[0][]) => {
  const registry = createRegistry();
  for (const def of defs) registry.register(def);
  return registry;
};

describe('node type versions in drafts', () => {
  it('migrates steps on an older version, with the notes, and leaves current ones alone', () => {
    const registry = registryOf(greetV1, greetV2);
    const draft = journey(greet('old', { text: 'Zdravo', token: '' }), greet('new', { greeting: 'Hej', shout: true }, 2));
    const { graph, migrations } = migrateGraph(draft, registry);
    expect(migrations).toEqual([{ nodeId: 'old', type: 'test/greet', label: 'Greet', from: 1, to: 2, notes: ['Text is now Greeting; Shout is off'] }]);
    expect(graph.nodes[1]).toEqual(greet('old', { greeting: 'Zdravo', shout: false }, 2));
    expect(graph.nodes[2]).toBe(draft.nodes[2]);
    expect(validateGraph(graph, registry)).toEqual([]);
    expect(compileGraph(graph, registry).nodes.old).toMatchObject({ type: 'test/greet', typeVersion: 2, config: { greeting: 'Zdravo', shout: false } });
    // Nothing to migrate: the same graph back.
    expect(migrateGraph(graph, registry)).toEqual({ graph, migrations: [] });
  });

  it('reports a migration that throws or breaks a complete config on its step, which keeps its old settings', () => {
    const throwing = { ...greetV2, migrations: [{ from: 1, up: () => { throw new Error('no text to move'); }, note: '' }] };
    const draft = journey(greet('a', { text: 'Zdravo' }));
    const thrown = migrateGraph(draft, registryOf(greetV1, throwing));
    expect(thrown.migrations).toEqual([{ nodeId: 'a', type: 'test/greet', label: 'Greet', from: 1, to: 2, notes: [], error: 'The update failed: no text to move',
      errorCode: 'update-failed', errorParams: { reason: 'no text to move' } }]);
    expect(thrown.graph).toBe(draft);

    const breaking = { ...greetV2, migrations: [{ from: 1, up: (c: Record<string, unknown>) => ({ greeting: c.text }), note: 'x' }] };
    const broken = migrateGraph(draft, registryOf(greetV1, breaking));
    expect(broken.migrations[0].error).toMatch(/^The updated settings are not valid: shout: /);
    expect(broken.migrations[0]).toMatchObject({ errorCode: 'update-invalid', errorParams: { field: 'shout', problem: expect.any(String) } });
    expect(broken.graph.nodes[1]).toBe(draft.nodes[1]);
  });

  it('updates a step still being configured: the form then says what is missing', () => {
    const registry = registryOf(greetV1, greetV2);
    const { graph, migrations } = migrateGraph(journey(greet('a', { text: '' })), registry);
    expect(migrations[0].error).toBeUndefined();
    expect(graph.nodes[1]).toEqual(greet('a', { greeting: '', shout: false }, 2));
    expect(validateGraph(graph, registry)).toEqual([expect.objectContaining({ nodeId: 'a', field: 'greeting' })]);
  });

  it('refuses to publish a step on an older or uninstalled version, naming the step', () => {
    const registry = registryOf(greetV1, greetV2);
    const issues = validateGraph(journey(greet('old', { text: 'Zdravo' }), greet('future', { greeting: 'x', shout: false }, 3)), registry);
    expect(issues).toEqual([
      {
        nodeId: 'old', field: 'typeVersion', code: 'version-outdated', params: { type: 'test/greet', version: 1, newest: 2 },
        message: expect.stringMatching(/^Still on version 1 of “Greet”, and version 2 is installed: opening the journey/),
      },
      {
        nodeId: 'future', field: 'typeVersion', code: 'version-too-new', params: { type: 'test/greet', version: 3, newest: 2 },
        message: 'Written for version 3 of “Greet”, but this Afterglow has only up to version 2',
      },
    ]);
  });

  it('finds and maps secrets by the version a config is written for', () => {
    const registry = registryOf(greetV1, greetV2);
    expect(typesWithSecrets(registry)).toContain('test/greet');
    const mapped = mapGraphSecrets(journey(greet('old', { text: 'x', token: 'abc' })), registry, (v) => v.toUpperCase());
    expect(mapped.nodes[1].config).toEqual({ text: 'x', token: 'ABC' });
  });
});
