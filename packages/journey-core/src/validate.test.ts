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
    expect(issues).toContainEqual({ nodeId: 'points', field: 'amount', code: 'config', message: 'Grant at least 1 point' });
    expect(issues.find((i) => i.field === 'reason')?.nodeId).toBe('points');
    // In the reader's language when asked: the node type's own translation of its message.
    expect(validateGraph(bad, registry, 'ru')).toContainEqual({ nodeId: 'points', field: 'amount', code: 'config', message: 'Начислите хотя бы 1 балл' });
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

  // The web app words each problem from its code and params, in the user's language.
  it('gives every structural problem a stable code and the values its message names', () => {
    const graph: JourneyGraph = {
      nodes: [
        ...good.nodes,
        { id: 'points', type: 'core/grant-points', position: at, config: { amount: 5, reason: 'Again' } },
        { id: 'second', type: 'core/trigger-event', position: at, config: good.nodes[0].config },
        { id: 'alien', type: 'acme/unknown', position: at, config: {} },
        { id: 'lonely', type: 'core/grant-points', position: at, config: { amount: 1, reason: 'Hi' } },
      ],
      edges: [
        ...good.edges,
        { id: 'e3', source: 'cond', sourceHandle: 'maybe', target: 'points' },
        { id: 'e4', source: 'cond', sourceHandle: 'yes', target: 'trigger' },
        { id: 'e5', source: 'points', sourceHandle: 'out', target: 'ghost' },
        { id: 'e6', source: 'points', sourceHandle: 'out', target: 'cond' },
      ],
    };
    const coded = validateGraph(graph, registry).map(({ nodeId, code, params }) => ({ nodeId, code, params }));
    expect(coded).toEqual(expect.arrayContaining([
      { nodeId: 'points', code: 'duplicate-id', params: { id: 'points' } },
      { nodeId: 'second', code: 'second-trigger', params: undefined },
      { nodeId: 'points', code: 'missing-node', params: { edge: 'e5' } },
      { nodeId: 'cond', code: 'unknown-branch', params: { edge: 'e3', branch: 'maybe', target: 'core/grant-points' } },
      { nodeId: 'cond', code: 'branch-connected-twice', params: { branch: 'yes' } },
      { nodeId: 'alien', code: 'unknown-type', params: { type: 'acme/unknown' } },
      { nodeId: 'trigger', code: 'trigger-has-input', params: undefined },
      { nodeId: 'lonely', code: 'unreachable', params: undefined },
      { nodeId: null, code: 'loop', params: undefined },
    ]));
    expect(validateGraph({ nodes: [], edges: [] }, registry)).toEqual([
      { nodeId: null, field: 'trigger', code: 'no-trigger', message: 'Add a trigger: it decides who enters the journey' },
    ]);
  });

  it('keeps every message in English beside its code', () => {
    const looping = { id: 'e1', source: 'points', sourceHandle: 'out', target: 'points' };
    const issues = validateGraph({ nodes: [good.nodes[2], { ...good.nodes[2], id: 'lonely' }], edges: [looping] }, registry);
    expect(issues.map((i) => [i.code, i.message])).toEqual(expect.arrayContaining([
      ['no-trigger', 'Add a trigger: it decides who enters the journey'],
      ['unreachable', 'Not connected: no customer can reach this step'],
      ['loop', 'The journey loops back on itself without a limit: lead back to an earlier step only from a Go to step'],
    ]));
  });

  describe('loops', () => {
    // Trigger → email → wait → Go to, whose "Again" leads back to the email.
    const reminder: JourneyGraph = {
      nodes: [
        good.nodes[0],
        { id: 'email', type: 'core/grant-points', position: at, config: { amount: 1, reason: 'Reminder' } },
        { id: 'wait', type: 'core/wait', position: at, config: { mode: 'duration', amount: 2, unit: 'days', weekday: -1, hour: 9 } },
        { id: 'goto', type: 'core/go-to', typeVersion: 1, position: at, config: { times: 3 } },
        { id: 'after', type: 'core/grant-points', position: at, config: { amount: 5, reason: 'Last chance' } },
      ],
      edges: [
        { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'email' },
        { id: 'e2', source: 'email', sourceHandle: 'out', target: 'wait' },
        { id: 'e3', source: 'wait', sourceHandle: 'out', target: 'goto' },
        { id: 'e4', source: 'goto', sourceHandle: 'again', target: 'email' },
        { id: 'e5', source: 'goto', sourceHandle: 'limit', target: 'after' },
      ],
    };
    const codes = (graph: JourneyGraph) => validateGraph(graph, registry).map((i) => i.code);

    it('accepts a cycle through a Go to step’s “Again”, and compiles it', () => {
      expect(validateGraph(reminder, registry)).toEqual([]);
      expect(compileGraph(reminder, registry).nodes.goto.next).toEqual({ again: 'email', limit: 'after' });
    });

    it('refuses any other cycle: through its “Limit reached”, or one beside it', () => {
      const throughLimit = structuredClone(reminder);
      throughLimit.edges[3] = { id: 'e4', source: 'goto', sourceHandle: 'again', target: 'after' };
      throughLimit.edges[4] = { id: 'e5', source: 'goto', sourceHandle: 'limit', target: 'email' };
      expect(codes(throughLimit)).toEqual(['loop']);
      const beside = structuredClone(reminder);
      beside.edges.push({ id: 'e6', source: 'after', sourceHandle: 'out', target: 'wait' });
      expect(codes(beside)).toEqual(['loop']);
      const loop = validateGraph(beside, registry).find((i) => i.code === 'loop');
      expect(loop).toMatchObject({ nodeId: null, field: 'edges' });
    });

    it('asks for the way back to be connected: left open, it would end the journey there', () => {
      const open = { ...reminder, edges: reminder.edges.filter((e) => e.id !== 'e4') };
      expect(validateGraph(open, registry)).toEqual([
        { nodeId: 'goto', field: 'edges', code: 'loop-open', message: 'Connect its way back to the earlier step it should lead to' },
      ]);
    });
  });
});
