// Every node type's bad config, in a journey, yields an issue naming the node id and field.
import { validateGraph, type JourneyGraph } from '@afterglow/journey-core';
import { describe, expect, it } from 'vitest';
import { builtInNodeTypes, createRegistry, propertyCondition } from '@afterglow/nodes';

const registry = createRegistry();
const badConfigs: Record<string, { config: Record<string, unknown>; field: string }> = {
  'core/trigger-event': { config: { event: '', filters: [], entryKeyProperty: '' }, field: 'event' },
  'core/wait': { config: { mode: 'duration', amount: 0, unit: 'days', weekday: -1, hour: 10 }, field: 'amount' },
  'core/segment-condition': { config: { segmentId: '' }, field: 'segmentId' },
  'core/trigger-broadcast': { config: { segmentId: 'seg', startAt: 'soon' }, field: 'startAt' },
  'core/wait-for-event': { config: { event: 'Order Delivered', matchTriggerProperty: '', timeoutAmount: 0, timeoutUnit: 'days' }, field: 'timeoutAmount' },
  'core/trigger-segment-entered': { config: { segmentId: '' }, field: 'segmentId' },
  'core/trigger-segment-left': { config: { segmentId: '' }, field: 'segmentId' },
  'core/trigger-date': { config: { source: 'attribute', attribute: '', when: 'on', days: 7, repeat: 'yearly', hour: 9 }, field: 'attribute' },
  'core/trigger-schedule': { config: { segmentId: 'seg', every: 'daily', monday: false, tuesday: false, wednesday: false, thursday: false,
    friday: false, saturday: false, sunday: false, dayOfMonth: 1, time: '25:00', timeZone: '' }, field: 'time' },
  'core/send-email': { config: { subject: '', preheader: '', body: '<mjml></mjml>', kind: 'marketing' }, field: 'subject' },
  'core/grant-points': { config: { amount: 2.5, reason: 'x' }, field: 'amount' },
  'core/issue-coupon': { config: { kind: 'percent', value: 150, prefix: 'VIP', validDays: 30, minOrderTotal: 0, description: '' }, field: 'value' },
  'core/call-webhook': { config: { url: 'https://hooks.example.com/in', method: 'POST', headers: [], secret: '',
    body: '{ "email": "{{ customer.email }}", }' }, field: 'body' },
  'core/alert-staff': { config: { to: 'address', role: 'owner', address: 'care', note: '', perHour: 10 }, field: 'address' },
  'core/update-profile': { config: { action: 'add-tag', attribute: '', value: '', tag: 'VIP, Gold' }, field: 'tag' },
  'core/exit': { config: { reason: '' }, field: 'reason' },
  'core/go-to': { config: { times: 0 }, field: 'times' },
  'core/property-condition': { config: { ...propertyCondition.defaults, source: 'order', operator: 'contains', value: 'x' }, field: 'operator' },
  'core/ab-split': { config: { arms: [{ id: 'a', name: 'A', weight: 50 }, { id: 'b', name: 'B', weight: 0 }] }, field: 'arms.1.weight' },
  'core/holdout': { config: { percent: 95 }, field: 'percent' },
  'core/has-bought': { config: { what: 'brand', value: '', withinDays: 0 }, field: 'value' },
  'core/wait-replenishment': { config: { for: 'order-products', value: '', leadDays: 7, atHour: 10, fallbackDays: 0 }, field: 'fallbackDays' },
  'core/multi-split': { config: { rules: [{ ...propertyCondition.defaults, id: 'vip', name: 'VIP', operator: 'equals' }] }, field: 'rules.0.value' },
};

describe('config validation of every built-in node type', () => {
  it('has a bad-config case for each type', () => {
    expect(Object.keys(badConfigs).sort()).toEqual(builtInNodeTypes.map((d) => d.id).sort());
  });

  for (const def of builtInNodeTypes) {
    it(`${def.id}: names the node id and the field`, () => {
      const isTrigger = def.category === 'trigger';
      const graph: JourneyGraph = {
        nodes: [
          ...(isTrigger ? [] : [{ id: 'start', type: 'core/trigger-event', position: { x: 0, y: 0 }, config: { event: 'x', filters: [], entryKeyProperty: '' } }]),
          { id: 'node_under_test', type: def.id, typeVersion: def.version, position: { x: 0, y: 0 }, config: badConfigs[def.id].config },
        ],
        edges: isTrigger ? [] : [{ id: 'e', source: 'start', sourceHandle: 'out', target: 'node_under_test' }],
      };
      const issues = validateGraph(graph, registry);
      expect(issues).toContainEqual(expect.objectContaining({ nodeId: 'node_under_test', field: badConfigs[def.id].field }));
      // The defaults a new node starts with are valid (except where the marketer must choose).
      const needsChoice = ['core/trigger-event', 'core/segment-condition', 'core/trigger-segment-entered', 'core/trigger-segment-left',
        'core/trigger-broadcast', 'core/trigger-schedule', 'core/has-bought', 'core/multi-split', 'core/update-profile'];
      expect(def.config.safeParse(def.defaults).success || needsChoice.includes(def.id)).toBe(true);
    });
  }
});
