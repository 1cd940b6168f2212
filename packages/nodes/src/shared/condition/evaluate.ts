// Whether a condition holds for a run, read from what the engine already loaded for the step
// (the customer, the trigger event, the run's context): no query. Text compares ignoring case
// and surrounding spaces; a list value (tags, an order's lines) holds when any of its items does:
// "products.category is Cameras" holds for an order with a camera among its lines.
import { propertyAt, type ExecContext } from '@afterglow/node-sdk';
import type { Condition } from './schema';

const DAY_MS = 86_400_000;
/** `products.category` reads every line's category: the condition holds when any does. */
const ACROSS_LISTS = { acrossLists: true };

/** The value the condition looks at, or undefined when the run has none. */
function subjectOf(ctx: Pick<ExecContext, 'customer' | 'run'>, c: Condition): unknown {
  switch (c.source) {
    case 'customer':
      return c.customerField === 'attribute' ? propertyAt(ctx.customer.attributes, c.attribute, ACROSS_LISTS) : ctx.customer[c.customerField];
    case 'event':
      return ctx.run.trigger ? propertyAt(ctx.run.trigger.properties, c.eventProperty, ACROSS_LISTS) : undefined;
    case 'context':
      return propertyAt(ctx.run.context, c.contextKey, ACROSS_LISTS);
    case 'order': {
      const p = ctx.run.trigger?.properties ?? {};
      return p.total ?? p.revenue;
    }
  }
}

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
  || (Array.isArray(v) && v.length === 0);
const textOf = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v)).trim().toLowerCase();
const itemsOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : null;
}

function timeOf(v: unknown): number | null {
  if (v instanceof Date) return v.getTime();
  if (typeof v !== 'string') return null;
  const t = Date.parse(v.trim());
  return Number.isNaN(t) ? null : t;
}

/** Equal as numbers when both are numbers ("10" = 10.0), else as text ignoring case. */
function same(actual: unknown, expected: string): boolean {
  const a = numberOf(actual);
  const b = numberOf(expected);
  if (a !== null && b !== null) return a === b;
  return textOf(actual) === expected.trim().toLowerCase();
}

export function conditionHolds(ctx: Pick<ExecContext, 'customer' | 'run' | 'now'>, c: Condition): boolean {
  const actual = subjectOf(ctx, c);
  if (c.operator === 'is_set') return !isMissing(actual);
  if (c.operator === 'is_not_set') return isMissing(actual);
  const values = c.values.filter((v) => v !== '');
  // A customer without the value is not "X", not one of a list: the negative comparisons hold.
  if (isMissing(actual)) return c.operator === 'not_equals' || c.operator === 'not_in_list';
  const items = itemsOf(actual);
  switch (c.operator) {
    case 'equals': return items.some((a) => same(a, c.value));
    case 'not_equals': return !items.some((a) => same(a, c.value));
    case 'contains': return items.some((a) => textOf(a).includes(c.value.toLowerCase()));
    case 'in_list': return items.some((a) => values.some((v) => same(a, v)));
    case 'not_in_list': return !items.some((a) => values.some((v) => same(a, v)));
    case 'greater_than': case 'less_than': case 'between':
      return items.some((a) => {
        const n = numberOf(a);
        if (n === null) return false;
        if (c.operator === 'greater_than') return n > c.number;
        if (c.operator === 'less_than') return n < c.number;
        return n >= c.number && n <= c.numberTo;
      });
    case 'before': case 'after': case 'within_last_days':
      return items.some((a) => {
        const t = timeOf(a);
        if (t === null) return false;
        if (c.operator === 'within_last_days') {
          const now = ctx.now().getTime();
          return t <= now && t >= now - c.days * DAY_MS;
        }
        return c.operator === 'before' ? t < Date.parse(c.date) : t > Date.parse(c.date);
      });
  }
}
