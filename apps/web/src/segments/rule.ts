// The segment rule tree as the API accepts it (packages/db/src/segments/rule.ts), plus the
// starting values the editor offers for each kind of condition. The choices' words live in the
// `segments` catalogue under the keys named beside each list.
import type { Api, inferOutput } from '../trpc';

// The save input is typed `unknown` (validated server-side), so take the shape from `get`.
export type SegmentRule = inferOutput<Api['segments']['get']>['rule'];
export type GroupRule = Extract<SegmentRule, { kind: 'group' }>;
export type ConditionRule = Exclude<SegmentRule, { kind: 'group' }>;
export type ConditionKind = ConditionRule['kind'];

/** Labels: `kind.<kind>` (the tag condition's: `segment.kind` in the `tags` catalogue). */
export const conditionKinds: ConditionKind[] = ['orders', 'bought', 'attribute', 'language', 'tag', 'event', 'email', 'loyalty', 'tier', 'segment'];

export function newCondition(kind: ConditionKind): ConditionRule {
  switch (kind) {
    case 'orders': return { kind, measure: 'count', op: 'gte', value: 1, withinDays: 90 };
    case 'bought': return { kind, what: 'category', value: '', withinDays: 365 };
    case 'attribute': return { kind, field: 'email', op: 'contains', value: '' };
    case 'language': return { kind, op: 'is', language: 'sr' };
    case 'tag': return { kind, op: 'has', tag: '' };
    case 'event': return { kind, name: '', minCount: 1, withinDays: 30 };
    case 'email': return { kind, action: 'open', withinDays: 90 };
    case 'loyalty': return { kind, measure: 'points', op: 'gte', value: 100 };
    // Chosen from the shop's tiers in the picker.
    case 'tier': return { kind, op: 'atLeast', tier: '' };
    case 'segment': return { kind, segmentId: '' };
  }
}

export const newGroup = (op: 'and' | 'or' = 'and', rules: SegmentRule[] = []): GroupRule => ({ kind: 'group', op, rules });

export const defaultRule = (): GroupRule => newGroup('and', [newCondition('orders')]);

/** Labels: `field.<field>`. */
export { builtInSegmentFields as attributeFields } from '@afterglow/journey-core';

/** Labels: `measure.<measure>`. */
export const orderMeasures = ['count', 'totalSpent', 'averageOrderValue', 'daysSinceLastOrder'] as const;

/** Labels: `compare.<op>`. */
export const orderOps = ['gte', 'lte', 'gt', 'lt', 'eq'] as const;
