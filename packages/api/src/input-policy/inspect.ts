// The one input policy every boundary applies to a parsed JSON value (ingestion, webhooks,
// recipient links, tRPC) before anything stores, serialises or walks it. Postgres text and
// jsonb refuse NUL (\u0000), jsonb also an unpaired UTF-16 surrogate (\ud800 alone), and
// JSON.stringify overflows the stack on values nested a few thousand deep: each of these
// would otherwise surface as a 500 deep inside a query. They are refused, not replaced:
// silently changing a customer's data (a name, an order id) would make it differ from the
// shop's copy, and a client sending them is broken in a way its owner should see.
export const MAX_DEPTH = 64;
/** A response names at most this many problems: a body can hold a million bad strings. */
const MAX_ISSUES = 20;

export interface InputIssue {
  /** Dot-separated path of the offending value or key ("properties.products.0.name"), "(body)" for the root. */
  path: string;
  message: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** What is wrong with a string, or null. */
function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character (\\u0000), which text cannot hold';
  const lone = LONE_SURROGATE.exec(s);
  if (lone) return `contains an unpaired UTF-16 surrogate (${hex(lone[0])}), which is not Unicode text`;
  return null;
}

/** Path segments joined with dots; characters a reader could not see are written as \u escapes. */
const UNSEEN = new RegExp(`\\u0000|${LONE_SURROGATE.source}`, 'g');

function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(body)';
  return path.map((p) => String(p).replace(UNSEEN, hex)).join('.');
}

interface Pending { value: unknown; path: (string | number)[]; depth: number; keyProblem: string | null }

const isPlainContainer = (v: object) =>
  Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null;

/**
 * The policy's findings for a parsed value, at most 20: empty when it may pass. Walks
 * without recursion, so a value nested 100,000 deep costs a loop, not the stack. Only
 * plain objects and arrays are entered (FormData, Buffers are left to the schema).
 */
export function inputIssues(value: unknown, prefix: readonly (string | number)[] = []): InputIssue[] {
  const issues: InputIssue[] = [];
  const stack: Pending[] = [{ value, path: [...prefix], depth: 0, keyProblem: null }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { value: v, path, depth, keyProblem } = stack.pop()!;
    if (keyProblem) {
      issues.push({ path: pathText(path), message: `Key ${keyProblem}` });
    } else if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) issues.push({ path: pathText(path), message: `Text ${problem}` });
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) issues.push({ path: pathText(path), message: 'Number is too large to store' });
    } else if (v !== null && typeof v === 'object' && isPlainContainer(v)) {
      if (depth >= MAX_DEPTH) {
        issues.push({ path: pathText(path), message: `Value is nested more than ${MAX_DEPTH} levels deep` });
        continue;
      }
      const entries = Array.isArray(v) ? v.map((item, i) => [i, item] as const) : Object.entries(v);
      // Pushed in reverse, so issues come out in document order.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        stack.push({ value: item, path: [...path, key], depth: depth + 1, keyProblem: typeof key === 'string' ? textProblem(key) : null });
      }
    }
  }
  return issues;
}
