// The segment rule tree's types (the zod schema in rule.ts is annotated with them).

export interface SegmentGroupRule {
  kind: 'group';
  op: 'and' | 'or';
  rules: SegmentRule[];
}
export interface SegmentAttributeRule {
  kind: 'attribute';
  /** A built-in field or a custom attribute key. */
  field: string;
  op: 'equals' | 'not_equals' | 'contains' | 'gt' | 'lt' | 'exists';
  /** Ignored for `exists`; a number (or numeric text) for `gt` / `lt`; YYYY-MM-DD for dates. */
  value?: string | number | boolean;
}
export type OrderComparison = 'gte' | 'lte' | 'gt' | 'lt' | 'eq';
export interface SegmentOrdersRule {
  kind: 'orders';
  measure: 'count' | 'totalSpent' | 'averageOrderValue' | 'daysSinceLastOrder';
  op: OrderComparison;
  value: number;
  /** Only orders placed in the last N days (relative to the evaluation's `now`). */
  withinDays?: number;
}
export interface SegmentBoughtRule {
  kind: 'bought';
  what: 'product' | 'category' | 'brand';
  /** A product id, a brand, or a category name (also matches its sub-categories "A > B"). */
  value: string;
  withinDays?: number;
  /** true: has NOT bought it (in the window). */
  negate?: boolean;
}
export interface SegmentEventRule {
  kind: 'event';
  /** Event name as sent; compared after normalising ("Order Completed" = "order_completed"). */
  name: string;
  /** Did it at least this many times (negate: fewer times). */
  minCount: number;
  withinDays?: number;
  negate?: boolean;
}
export interface SegmentLoyaltyRule {
  kind: 'loyalty';
  measure: 'points';
  op: OrderComparison;
  value: number;
}
export interface SegmentTierRule {
  kind: 'tier';
  /** `is`: exactly this tier; `atLeast`: this tier or a higher one. */
  op: 'is' | 'atLeast';
  /** A tier id of the workspace's loyalty settings (a name, in rules saved before tiers were configurable). */
  tier: string;
}
export interface SegmentEmailRule {
  kind: 'email';
  /** Opened or clicked any marketing email (machine opens and clicks not counted). */
  action: 'open' | 'click';
  withinDays?: number;
  negate?: boolean;
}
export interface SegmentLanguageRule {
  kind: 'language';
  /**
   * `is`: the customer's language (customers.locale) is `language` or a narrower tag of it, subtag
   * by subtag ('sr' matches 'sr-RS', 'sr-Latn-RS' and 'sr-Cyrl'; 'sr-Latn' matches 'sr-Latn-RS');
   * `unknown`: no language is known (they get the shop's default).
   */
  op: 'is' | 'unknown';
  /** A BCP 47 tag, compared in its canonical form; ignored for `unknown`. */
  language?: string;
}
export interface SegmentTagRule {
  kind: 'tag';
  /** `has`: customers.tags holds `tag` (exactly, as written); `lacks`: it does not. */
  op: 'has' | 'lacks';
  tag: string;
}
export interface SegmentRefRule {
  kind: 'segment';
  segmentId: string;
  negate?: boolean;
}
export type SegmentRule =
  | SegmentGroupRule | SegmentAttributeRule | SegmentOrdersRule | SegmentBoughtRule
  | SegmentEventRule | SegmentLoyaltyRule | SegmentTierRule | SegmentEmailRule | SegmentLanguageRule | SegmentTagRule
  | SegmentRefRule;
