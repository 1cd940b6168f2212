import { validateGraph } from '@afterglow/journey-core';
import { defineNodeType, definePlugin, next } from '@afterglow/node-sdk';
import { createRegistry, grantPoints, segmentCondition, sendEmail, triggerOnEvent, wait } from '@afterglow/nodes';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JourneyBuilder } from './builder';

const registry = createRegistry();

describe('JourneyBuilder', () => {
  it('chains steps over the types’ defaults, with ids from the type names', () => {
    const graph = JourneyBuilder.start(registry)
      .trigger(triggerOnEvent, { event: 'Order Completed' })
      .then(wait, { amount: 2 })
      .then(grantPoints, { amount: 5, reason: 'a' })
      .then('core/grant-points', { amount: 6, reason: 'b' })
      .build();
    expect(graph.nodes.map((n) => n.id)).toEqual(['trigger-event', 'wait', 'grant-points', 'grant-points-2']);
    expect(graph.nodes[1].config).toEqual({ ...wait.defaults, amount: 2 });
    expect(graph.edges.map((e) => `${e.source}/${e.sourceHandle}>${e.target}`)).toEqual([
      'trigger-event/out>wait', 'wait/out>grant-points', 'grant-points/out>grant-points-2']);
    expect(validateGraph(graph, registry)).toEqual([]);
  });

  it('hangs each branch’s steps off that branch, in columns of their own', () => {
    const graph = JourneyBuilder.start(registry)
      .trigger(triggerOnEvent, { event: 'Order Completed' }, { id: 'order' })
      .then(segmentCondition, { segmentId: 'seg_vip' }, { id: 'vip' })
      .branch('yes', (b) => b.then(sendEmail, { subject: 'VIP' }, { id: 'mail' }).then(grantPoints, { amount: 50, reason: 'VIP' }))
      .branch('no', (b) => b.then(grantPoints, { amount: 10, reason: 'order' }, { id: 'small' }))
      .build();
    expect(graph.edges.map((e) => `${e.source}/${e.sourceHandle}>${e.target}`)).toEqual([
      'order/out>vip', 'vip/yes>mail', 'mail/out>grant-points', 'vip/no>small']);
    const x = (id: string) => graph.nodes.find((n) => n.id === id)!.position.x;
    expect(x('mail')).toBe(x('vip'));
    expect(x('small')).toBeGreaterThan(x('vip'));
    expect(validateGraph(graph, registry)).toEqual([]);
  });

  it('types a step’s config by its definition', () => {
    const start = () => JourneyBuilder.start(registry).trigger(triggerOnEvent, { event: 'E' });
    // @ts-expect-error: a wait's amount is a number
    start().then(wait, { amount: 'two' });
    // @ts-expect-error: 'fortnights' is not a unit of core/wait
    start().then(wait, { unit: 'fortnights' });
    // By id, a config is not checked until publishing.
    expect(start().then('core/wait', { anything: 'goes' }).build().nodes[1].config).toMatchObject({ anything: 'goes' });
  });

  it('records each step\'s type version as the editor does: the newest, or the version of the definition given', () => {
    const ui = { label: 'Hi', description: 'Says hi', icon: 'message' as const, color: 'sky' as const, branches: [{ id: 'out', label: 'Then' }] };
    const v1 = defineNodeType({ id: 'acme/hi', version: 1, category: 'action', config: z.object({ text: z.string() }), defaults: { text: 'a' },
      ui: { ...ui, summary: (c) => c.text }, execute: () => next() });
    const v2 = defineNodeType({ id: 'acme/hi', version: 2, category: 'action', config: z.object({ message: z.string() }), defaults: { message: 'b' },
      ui: { ...ui, summary: (c) => c.message }, execute: () => next(), migrations: [{ from: 1, up: (c) => ({ message: c.text }), note: 'renamed' }] });
    const both = createRegistry([definePlugin({ id: 'acme', nodeTypes: [v1, v2] })]);
    const graph = JourneyBuilder.start(both).trigger(triggerOnEvent, { event: 'E' }).then('acme/hi').then(v2).then(v1).build();
    expect(graph.nodes.map((n) => [n.typeVersion, n.config])).toEqual([
      [triggerOnEvent.version, expect.anything()], [2, { message: 'b' }], [2, { message: 'b' }], [1, { text: 'a' }],
    ]);
    expect(validateGraph({ ...graph, nodes: graph.nodes.slice(0, 3), edges: graph.edges.slice(0, 2) }, both)).toEqual([]);
  });

  it('leaves a node type it does not know to validation, as the canvas would', () => {
    const graph = JourneyBuilder.start(registry).trigger(triggerOnEvent, { event: 'E' }).then('acme/unknown', { a: 1 }).build();
    expect(graph.nodes[1]).toMatchObject({ id: 'unknown', type: 'acme/unknown', config: { a: 1 } });
    expect(validateGraph(graph, registry)).toContainEqual({
      nodeId: 'unknown', field: 'type', code: 'unknown-type', params: { type: 'acme/unknown' }, message: 'Unknown node type “acme/unknown”',
    });
  });
});
