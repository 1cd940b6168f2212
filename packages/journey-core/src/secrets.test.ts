import { createRegistry } from '@afterglow/nodes';
import { describe, expect, it } from 'vitest';
import { compileGraph } from './compile';
import type { JourneyGraph } from './graph';
import { counterpartOf, mapGraphSecrets, mapPlanSecrets, sameSecretTargets, secretFieldsOf, typesWithSecrets } from './secrets';

const registry = createRegistry();
const at = { x: 0, y: 0 };
const graph: JourneyGraph = {
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: '' } },
    { id: 'hook', type: 'core/call-webhook', position: at, config: {
      url: 'https://hooks.example.com/in', method: 'POST', body: '{}', secret: 'whsec_0123456789abcdef',
      headers: [{ name: 'Authorization', value: 'Bearer tok' }, { name: 'X-Empty', value: '' }] } },
  ],
  edges: [{ id: 'e', source: 'trigger', sourceHandle: 'out', target: 'hook' }],
};

describe('secrets of node configs', () => {
  it('are read from the schema: every header value and the signing secret of a webhook step', () => {
    expect(secretFieldsOf(registry.require('core/call-webhook'))).toEqual({ secrets: [['headers', '*', 'value'], ['secret']], targets: [['url']] });
    expect(secretFieldsOf(registry.require('core/send-email')).secrets).toEqual([]);
    expect(typesWithSecrets(registry)).toEqual(['core/call-webhook']);
  });

  it('are mapped where they are, in graphs and plans, leaving empty values and the rest alone', () => {
    const seen: unknown[] = [];
    const mapped = mapGraphSecrets(graph, registry, (value, where) => { seen.push([value, where]); return `<${value}>`; });
    expect(seen).toEqual([
      ['Bearer tok', { nodeId: 'hook', path: ['headers', 0, 'value'] }],
      ['whsec_0123456789abcdef', { nodeId: 'hook', path: ['secret'] }],
    ]);
    expect(mapped.nodes[1].config).toEqual({ ...graph.nodes[1].config, secret: '<whsec_0123456789abcdef>',
      headers: [{ name: 'Authorization', value: '<Bearer tok>' }, { name: 'X-Empty', value: '' }] });
    expect(mapped.nodes[0]).toEqual(graph.nodes[0]);
    expect(graph.nodes[1].config.secret).toBe('whsec_0123456789abcdef'); // not changed in place
    const plan = mapPlanSecrets(compileGraph(graph, registry), registry, (value) => value.toUpperCase());
    expect(plan.nodes.hook.config).toMatchObject({ secret: 'WHSEC_0123456789ABCDEF', headers: [{ name: 'Authorization', value: 'BEARER TOK' }, { name: 'X-Empty', value: '' }] });
  });
});

describe('where a stored secret belongs', () => {
  const def = registry.require('core/call-webhook');
  const stored = { url: 'https://hooks.example.com/a', secret: 'S', headers: [{ name: 'X-A', value: 'a' }, { name: 'Authorization', value: 'tok' }] };

  it('follows keys, and finds a list item by its other fields wherever it moved', () => {
    const current = { ...stored, headers: [{ value: '?', name: 'Authorization' }, { name: 'X-New', value: '?' }] };
    expect(counterpartOf(def, stored, current, ['secret'])).toBe('S');
    expect(counterpartOf(def, stored, current, ['headers', 0, 'value'])).toBe('tok');
    expect(counterpartOf(def, stored, current, ['headers', 1, 'value'])).toBeUndefined();
    expect(counterpartOf(def, null, current, ['secret'])).toBeUndefined();
  });

  it('compares targets by origin', () => {
    expect(sameSecretTargets(def, stored, { ...stored, url: 'https://hooks.example.com/other?x=1' })).toBe(true);
    expect(sameSecretTargets(def, stored, { ...stored, url: 'https://hooks.example.com:8443/a' })).toBe(false);
    expect(sameSecretTargets(def, stored, { ...stored, url: 'https://evil.example/a' })).toBe(false);
    expect(sameSecretTargets(def, { url: 'not a url' }, { url: 'not a url' })).toBe(true);
    expect(sameSecretTargets(def, { url: 'mailto:a@b.c' }, { url: 'mailto:x@y.z' })).toBe(false);
  });
});
