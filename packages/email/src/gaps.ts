// The merge fields a template uses that are empty for one customer: a valid field (known to the
// checker) with no value in this customer's data, such as the first name of a customer who never
// gave one, or the order of one who never ordered. Shown beside the preview, so the author sees
// which customers would get "Hi ," before any of them does.
import type { Template } from 'liquidjs';
import { strictLiquid } from './liquid';

export interface MergeGap {
  field: 'subject' | 'body';
  /** The path that is empty, e.g. "customer.firstName". */
  path: string;
  line: number;
}

type Segment = string | number | { toString(): string };

/** The walked path where the value runs out, or null when it has one (or cannot be known statically). */
function emptyAt(data: unknown, segments: Segment[]): string | null {
  let current: unknown = data;
  const walked: string[] = [];
  for (const segment of segments) {
    if (typeof segment === 'object' || Array.isArray(current)) return null; // loops and dynamic indexes
    if (current === null || typeof current !== 'object') return null;
    if (!Object.prototype.hasOwnProperty.call(current, String(segment))) return null; // unknown: the checker's issue
    walked.push(String(segment));
    current = (current as Record<string, unknown>)[String(segment)];
    if (current === null || current === undefined || current === '') return walked.join('.');
  }
  return Array.isArray(current) && current.length === 0 ? walked.join('.') : null;
}

async function gapsIn(field: MergeGap['field'], source: string, data: object): Promise<MergeGap[]> {
  let template: Template[];
  try {
    template = strictLiquid.parse(source);
  } catch {
    return []; // a syntax error is reported by the check
  }
  const analysis = await strictLiquid.analyze(template);
  const gaps = new Map<string, MergeGap>();
  for (const variables of Object.values(analysis.globals)) {
    for (const variable of variables) {
      const path = emptyAt(data, variable.segments);
      if (path && !gaps.has(path)) gaps.set(path, { field, path, line: variable.location.row });
    }
  }
  return [...gaps.values()];
}

export async function mergeGaps(content: { subject: string; body: string }, data: object): Promise<MergeGap[]> {
  return [...await gapsIn('subject', content.subject, data), ...await gapsIn('body', content.body, data)];
}
