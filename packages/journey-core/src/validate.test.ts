import { createRegistry } from '@afterglow/nodes';
import { describe, expect, it } from 'vitest';
import { compileGraph } from './compile';
import type { JourneyGraph } from './graph';
import { validateGraph } from './validate';

const registry = createRegistry();
const at = { x: 0, y: 0 };

const good: JourneyGraph = {
  nodes: [
    { id: 'trigger', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: '' } },
    { id: 'cond', type: 'core/segment-condition', position: at, config: { segmentId: 'seg_vip' } },
    { id: 'points', type: 'core/grant-points', position: at, config: { amount: 10, reason: 'Thanks' } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'cond' },
    { id: 'e2', source: 'cond', sourceHandle: 'yes', target: 'points' },
  ],
};

describe('validateGraph', () => {
  it('accepts a well-formed journey and compiles it', () => {
    expect(validateGraph(good, registry)).toEqual([]);
    const plan = compileGraph(good, registry);
    expect(plan.triggerEvent).toBe('order_completed');
    expect(plan.nodes.cond.next).toEqual({ yes: 'points', no: null });
  });

  it('names node and field for a bad config', () => {
    const bad = structuredClone(good);
    bad.nodes[2].config = { amount: -5, reason: '' };
    const issues = validateGraph(bad, registry);
    expect(issues).toContainEqual({ nodeId: 'points', field: 'amount', message: 'Grant at least 1 point' });
    expect(issues.find((i) => i.field === 'reason')?.nodeId).toBe('points');
  });

  it('flags a missing trigger, unknown types, unreachable steps and loops', () => {
    const graph: JourneyGraph = {
      nodes: [
        { id: 'a', type: 'core/wait', position: at, config: { mode: 'duration', amount: 1, unit: 'days', weekday: -1, hour: 9 } },
        { id: 'b', type: 'acme/unknown', position: at, config: {} },
      ],
      edges: [
        { id: 'e1', source: 'a', sourceHandle: 'out', target: 'a' },
      ],
    };
    const messages = validateGraph(graph, registry).map((i) => `${i.nodeId}:${i.field}`);
    expect(messages).toEqual(expect.arrayContaining(['null:trigger', 'b:type', 'null:edges']));
  });
});
