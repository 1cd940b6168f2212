// A small in-memory evaluator of segment rules: the reference the compiled SQL is checked
// against (tests/segments-properties.test.ts). Written from the rules' documented meaning,
// line by line independent of the SQL compiler.
import type { SegmentRule } from '@afterglow/db';
import { DEFAULT_LOYALTY_TIERS } from '@afterglow/journey-core';

const DAY = 86_400_000;

export interface OracleCustomer {
  id: string; email: string | null; firstName: string | null; lastName: string | null;
  birthday: string | null; timezone: string; locale: string | null; createdAt: Date; attributes: Record<string, string | number | boolean>;
  tags: string[];
}
export interface OracleOrder { id: string; customerId: string; status: string; total: number; placedAt: Date }
export interface OracleItem { orderId: string; customerId: string; productId: string; category: string | null; brand: string | null }
export interface OracleEvent { customerId: string; name: string; timestamp: Date }
export interface OraclePoints { customerId: string; points: number }
export interface OracleEmailEvent { customerId: string; type: string; bot: boolean; at: Date }
export interface OracleData {
  customers: OracleCustomer[]; orders: OracleOrder[]; items: OracleItem[]; events: OracleEvent[];
  points: OraclePoints[]; emailEvents: OracleEmailEvent[]; segments: Map<string, SegmentRule>;
}

const normalize = (name: string) => name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
const counts = (o: OracleOrder) => o.status !== 'cancelled' && o.status !== 'refunded';
const NUMERIC = /^-?[0-9]+([.][0-9]+)?$/;

function attributeText(c: OracleCustomer, field: string): string | null {
  switch (field) {
    case 'email': return c.email;
    case 'firstName': return c.firstName;
    case 'lastName': return c.lastName;
    case 'timezone': return c.timezone;
  }
  if (!Object.hasOwn(c.attributes, field)) return null;
  return String(c.attributes[field]);
}

function attributeNumber(c: OracleCustomer, field: string, now: Date): number | null {
  if (field === 'birthdayMonth') return c.birthday ? Number(c.birthday.slice(5, 7)) : null;
  if (field === 'birthdayDay') return c.birthday ? Number(c.birthday.slice(8, 10)) : null;
  if (field === 'signupDaysAgo') return Math.floor((now.getTime() - c.createdAt.getTime()) / DAY);
  const text = attributeText(c, field)?.replace(/^ +| +$/g, '');
  return text !== undefined && NUMERIC.test(text) ? Number(text) : null;
}

function compare(measured: number | null, op: string, value: number): boolean {
  if (measured === null) return false;
  return op === 'gte' ? measured >= value : op === 'lte' ? measured <= value : op === 'gt' ? measured > value
    : op === 'lt' ? measured < value : measured === value;
}

export function evaluate(rule: SegmentRule, c: OracleCustomer, data: OracleData, now: Date): boolean {
  const since = (days: number | undefined) => (days === undefined ? -Infinity : now.getTime() - days * DAY);
  switch (rule.kind) {
    case 'group':
      return rule.op === 'and' ? rule.rules.every((r) => evaluate(r, c, data, now)) : rule.rules.some((r) => evaluate(r, c, data, now));
    case 'attribute': {
      if (rule.field === 'signupDate') {
        if (rule.op === 'exists') return true;
        const day = c.createdAt.toISOString().slice(0, 10);
        const v = String(rule.value);
        return rule.op === 'equals' ? day === v : rule.op === 'not_equals' ? day !== v : rule.op === 'gt' ? day > v : day < v;
      }
      const numericField = ['birthdayMonth', 'birthdayDay', 'signupDaysAgo'].includes(rule.field);
      if (rule.op === 'exists') return numericField ? attributeNumber(c, rule.field, now) !== null : (attributeText(c, rule.field) ?? '') !== '';
      if (numericField || rule.op === 'gt' || rule.op === 'lt' || (typeof rule.value === 'number' && rule.op !== 'contains')) {
        const left = attributeNumber(c, rule.field, now);
        const right = Number(rule.value);
        if (rule.op === 'gt') return left !== null && left > right;
        if (rule.op === 'lt') return left !== null && left < right;
        if (rule.op === 'equals') return left !== null && left === right;
        return left !== right;
      }
      const left = attributeText(c, rule.field)?.toLowerCase() ?? null;
      const right = String(rule.value).toLowerCase();
      if (rule.op === 'equals') return left === right;
      if (rule.op === 'not_equals') return left !== right;
      return left !== null && left.includes(right);
    }
    case 'orders': {
      const all = data.orders.filter((o) => o.customerId === c.id && counts(o));
      const mine = all.filter((o) => o.placedAt.getTime() > since(rule.withinDays));
      const sum = mine.reduce((a, o) => a + o.total, 0);
      const measured = rule.measure === 'count' ? mine.length : rule.measure === 'totalSpent' ? sum
        : rule.measure === 'averageOrderValue' ? (mine.length ? sum / mine.length : null)
        : (all.length ? Math.floor((now.getTime() - Math.max(...all.map((o) => o.placedAt.getTime()))) / DAY) : null);
      return compare(measured, rule.op, rule.value);
    }
    case 'bought': {
      const live = new Map(data.orders.filter(counts).map((o) => [o.id, o]));
      const hit = data.items.some((i) => {
        const o = live.get(i.orderId);
        if (i.customerId !== c.id || !o || o.placedAt.getTime() <= since(rule.withinDays)) return false;
        if (rule.what === 'product') return i.productId === rule.value;
        if (rule.what === 'brand') return !!i.brand && i.brand.toLowerCase() === rule.value.toLowerCase();
        if (!i.category) return false;
        const parts = i.category.toLowerCase().split(' > ');
        return parts.some((_, n) => parts.slice(0, n + 1).join(' > ') === rule.value.toLowerCase());
      });
      return rule.negate ? !hit : hit;
    }
    case 'event': {
      const n = data.events.filter((e) => e.customerId === c.id && normalize(e.name) === normalize(rule.name)
        && e.timestamp.getTime() > since(rule.withinDays)).length;
      return rule.negate ? n < rule.minCount : n >= rule.minCount;
    }
    case 'loyalty':
      return compare(data.points.filter((p) => p.customerId === c.id).reduce((a, p) => a + p.points, 0), rule.op, rule.value);
    case 'tier': {
      // The default tiers (no settings): points earned ever, grants count, spending does not; the highest tier reached.
      const lifetime = data.points.filter((p) => p.customerId === c.id).reduce((a, p) => a + Math.max(0, p.points), 0);
      const reached = DEFAULT_LOYALTY_TIERS.filter((t) => lifetime >= t.threshold).length - 1;
      const wanted = DEFAULT_LOYALTY_TIERS.findIndex((t) => t.id === rule.tier);
      return rule.op === 'is' ? reached === wanted : reached >= wanted;
    }
    case 'email': {
      const hit = data.emailEvents.some((e) => e.customerId === c.id && e.type === rule.action && !e.bot && e.at.getTime() > since(rule.withinDays));
      return rule.negate ? !hit : hit;
    }
    case 'language': {
      if (rule.op === 'unknown') return c.locale === null;
      // Subtag by subtag: 'sr' covers sr-RS and sr-Latn-RS, never 'srn'.
      const wanted = Intl.getCanonicalLocales(rule.language!.replaceAll('_', '-'))[0].split('-');
      const tag = c.locale?.split('-') ?? [];
      return wanted.every((subtag, i) => tag[i] === subtag);
    }
    case 'tag': {
      // Exactly as written: case and spaces inside count.
      const has = c.tags.includes(rule.tag.trim());
      return rule.op === 'has' ? has : !has;
    }
    case 'segment': {
      const inner = data.segments.get(rule.segmentId);
      if (!inner) throw new Error(`oracle: unknown segment ${rule.segmentId}`);
      const hit = evaluate(inner, c, data, now);
      return rule.negate ? !hit : hit;
    }
  }
}
