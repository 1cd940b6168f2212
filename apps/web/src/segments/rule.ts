// The segment rule tree as the API accepts it (packages/db/src/segments/rule.ts), plus the
// starting values the editor offers for each kind of condition.
import type { Api, inferOutput } from '../trpc';

// The save input is typed `unknown` (validated server-side), so take the shape from `get`.
export type SegmentRule = inferOutput<Api['segments']['get']>['rule'];
export type GroupRule = Extract<SegmentRule, { kind: 'group' }>;
export type ConditionRule = Exclude<SegmentRule, { kind: 'group' }>;
export type ConditionKind = ConditionRule['kind'];

export const conditionKinds: { kind: ConditionKind; label: string }[] = [
  { kind: 'orders', label: 'Order history' },
  { kind: 'bought', label: 'Bought' },
  { kind: 'attribute', label: 'Customer attribute' },
  { kind: 'event', label: 'Did something' },
  { kind: 'email', label: 'Email engagement' },
  { kind: 'loyalty', label: 'Loyalty points' },
  { kind: 'tier', label: 'Loyalty tier' },
  { kind: 'segment', label: 'Another segment' },
];

export function newCondition(kind: ConditionKind): ConditionRule {
  switch (kind) {
    case 'orders': return { kind, measure: 'count', op: 'gte', value: 1, withinDays: 90 };
    case 'bought': return { kind, what: 'category', value: '', withinDays: 365 };
    case 'attribute': return { kind, field: 'email', op: 'contains', value: '' };
    case 'event': return { kind, name: '', minCount: 1, withinDays: 30 };
    case 'email': return { kind, action: 'open', withinDays: 90 };
    case 'loyalty': return { kind, measure: 'points', op: 'gte', value: 100 };
    case 'tier': return { kind, op: 'atLeast', tier: 'Gold' };
    case 'segment': return { kind, segmentId: '' };
  }
}

export const newGroup = (op: 'and' | 'or' = 'and', rules: SegmentRule[] = []): GroupRule => ({ kind: 'group', op, rules });

export const defaultRule = (): GroupRule => newGroup('and', [newCondition('orders')]);

export const attributeFields = [
  { value: 'email', label: 'Email' },
  { value: 'firstName', label: 'First name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'timezone', label: 'Time zone' },
  { value: 'birthdayMonth', label: 'Birthday month (1–12)' },
  { value: 'birthdayDay', label: 'Birthday day (1–31)' },
  { value: 'signupDaysAgo', label: 'Days since sign-up' },
  { value: 'signupDate', label: 'Sign-up date' },
];

export const orderMeasures = [
  { value: 'count', label: 'number of orders is' },
  { value: 'totalSpent', label: 'total spent is' },
  { value: 'averageOrderValue', label: 'average order value is' },
  { value: 'daysSinceLastOrder', label: 'days since the last order is' },
] as const;

export const attributeOps = [
  { value: 'equals', label: 'is' }, { value: 'not_equals', label: 'is not' }, { value: 'contains', label: 'contains' },
  { value: 'gt', label: 'is greater than' }, { value: 'lt', label: 'is less than' }, { value: 'exists', label: 'is set' },
] as const;

export const orderOps = [
  { value: 'gte', label: 'at least' }, { value: 'lte', label: 'at most' }, { value: 'gt', label: 'more than' },
  { value: 'lt', label: 'less than' }, { value: 'eq', label: 'exactly' },
] as const;
