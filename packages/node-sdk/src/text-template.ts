// Merge fields for plain-text messages that are not email (SMS, push, chat): `{{ path }}` and
// `{{ path | default: "text" }}`, nothing else. A tag is data, never code: a dotted path read
// from own properties only (no `constructor`, no prototype), a missing value renders empty. The
// names match an email's: {{ customer.firstName }}, {{ event.order_id }}, {{ coupon.code }}.
import type { CustomerSnapshot, RunSnapshot } from './requests.js';

const TAG = /\{\{([\s\S]*?)\}\}/g;
const PATH = String.raw`[A-Za-z_][\w-]*(?:\.[\w-]+)*`;
const BODY = new RegExp(String.raw`^\s*(${PATH})\s*(?:\|\s*default\s*:\s*(?:"([^"]*)"|'([^']*)')\s*)?$`);

interface Tag { path: string[]; fallback: string }

function parseTag(body: string): Tag | null {
  const m = BODY.exec(body);
  return m ? { path: m[1].split('.'), fallback: m[2] ?? m[3] ?? '' } : null;
}

function read(data: unknown, path: string[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A scalar as text; objects, lists, null and missing values as ''. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  return '';
}

/**
 * The data a text template reads in a step: `customer` (id, email, firstName, lastName, fullName,
 * timezone, birthday, attributes), `event` (the trigger event's properties) and what earlier steps
 * put in the run's context (`coupon` once a coupon was issued).
 */
export function textMergeData(customer: CustomerSnapshot, run: RunSnapshot): Record<string, unknown> {
  const firstName = customer.firstName ?? '';
  const lastName = customer.lastName ?? '';
  return {
    ...run.context,
    customer: {
      id: customer.id, email: customer.email ?? '', firstName, lastName,
      fullName: [firstName, lastName].filter(Boolean).join(' '),
      timezone: customer.timezone, birthday: customer.birthday ?? '', attributes: customer.attributes,
    },
    event: run.trigger?.properties ?? {},
  };
}

/**
 * The template with each tag replaced by its value (or its default when the value is missing or
 * empty). A tag this grammar does not know renders empty: `textTemplateIssues` finds it first.
 *
 * @example
 * renderTextTemplate('Hi {{ customer.firstName | default: "there" }}', { customer: { firstName: '' } }) // 'Hi there'
 */
export function renderTextTemplate(source: string, data: Record<string, unknown>): string {
  return source.replace(TAG, (_all, body: string) => {
    const tag = parseTag(body);
    if (!tag) return '';
    return asText(read(data, tag.path)) || tag.fallback;
  });
}

/** What is wrong with a template's tags, one sentence each (for a node's publish-time check). */
export function textTemplateIssues(source: string): string[] {
  const issues: string[] = [];
  for (const [all, body] of source.matchAll(TAG)) {
    if (!parseTag(body)) issues.push(`${all} is not a merge field: write {{ customer.firstName }} or {{ coupon.code | default: "none" }}`);
  }
  const unclosed = source.replace(TAG, '').indexOf('{{');
  if (unclosed !== -1) issues.push(`A merge field is not closed with }}: ${source.replace(TAG, '').slice(unclosed, unclosed + 30)}`);
  return issues;
}
