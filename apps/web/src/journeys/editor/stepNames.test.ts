// A step is named to people by its type's label and a short summary that names what it uses,
// never by its id; a step whose settings are incomplete by its label alone.
import type { JourneyGraph } from '@afterglow/journey-core';
import { describe, expect, it } from 'vitest';
import { deletedReferences, stepName } from './stepNames';

const graph: JourneyGraph = {
  nodes: [
    { id: 'node_a1', type: 'core/send-email', typeVersion: 1, position: { x: 0, y: 0 }, config: { templateId: 'tpl_1', subject: 'x', preheader: '', body: 'x', kind: 'marketing' } },
    { id: 'node_b2', type: 'core/segment-condition', typeVersion: 1, position: { x: 0, y: 0 }, config: { segmentId: '' } },
    { id: 'node_c3', type: 'core/exit', typeVersion: 1, position: { x: 0, y: 0 }, config: { reason: `Bought ${'the whole catalogue, '.repeat(4)}` } },
    { id: 'node_d4', type: 'core/trigger-segment-left', typeVersion: 1, position: { x: 0, y: 0 }, config: { segmentId: 'seg_9' } },
  ],
  edges: [],
};
const names = { template: (id: string) => (id === 'tpl_1' ? 'Welcome' : undefined), segment: () => undefined };

describe('stepName', () => {
  it('names a step by its label and what it uses, in the reader\'s language', () => {
    expect(stepName(graph, 'node_a1', 'en', names)).toBe('Send email · Template “Welcome”');
    expect(stepName(graph, 'node_a1', 'sr-Cyrl', names)).toBe('Пошаљи имејл · Шаблон „Welcome“');
    expect(stepName(graph, 'node_d4', 'ru', names)).toBe('Выход из сегмента · Когда покупатель выходит из удалённого сегмента');
    expect(stepName(graph, 'node_a1', 'en', {})).toBe('Send email · Sends a saved template');
  });

  it('says the label alone while the settings are incomplete, and cuts a long summary short', () => {
    expect(stepName(graph, 'node_b2', 'sl', names)).toBe('Pogoj: v segmentu');
    const long = stepName(graph, 'node_c3', 'en', names)!;
    expect(long).toMatch(/^Exit · Exit: Bought the whole catalogue, .*…$/);
    expect(long.length).toBeLessThanOrEqual('Exit · '.length + 48);
  });

  it('names a step the marketer named by that name alone, in every language', () => {
    const named = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'node_a1' ? { ...n, label: 'Reminder 2' } : n)) };
    expect(stepName(named, 'node_a1', 'en', names)).toBe('Reminder 2');
    expect(stepName(named, 'node_a1', 'ru', names)).toBe('Reminder 2');
  });

  it('names no step that is not in the graph', () => {
    expect(stepName(graph, 'node_zz', 'en', names)).toBeUndefined();
  });

  it('lists a deleted segment or template as a problem of its field, once the lists are known', () => {
    expect(deletedReferences(graph, names)).toEqual([
      { nodeId: 'node_d4', field: 'segmentId', code: 'check', message: 'The segment no longer exists: choose another' },
    ]);
    expect(deletedReferences(graph, { ...names, template: () => undefined })).toContainEqual(
      { nodeId: 'node_a1', field: 'templateId', code: 'check', message: 'The template no longer exists: choose another' });
    expect(deletedReferences(graph, {})).toEqual([]);
  });
});
