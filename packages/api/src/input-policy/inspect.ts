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

// eslint-disable-next-line no-control-regex -- NUL is what this looks for.
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** What is wrong with a string, or null. */
function textProblem(s: string): string | null {
  if (!SUSPECT.test(s)) return null; // the common case: one scan
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

/** A value waiting to be looked at; its path is kept as a link to its container's, built only for an issue. */
interface Pending { value: unknown; key: string | number | null; parent: Pending | null; depth: number; keyProblem: string | null }

const pathOf = (p: Pending, prefix: readonly (string | number)[]): (string | number)[] => {
  const keys: (string | number)[] = [];
  for (let at: Pending | null = p; at && at.key !== null; at = at.parent) keys.push(at.key);
  return [...prefix, ...keys.reverse()];
};

const isPlainContainer = (v: object) =>
  Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null;

/**
 * The policy's findings for a parsed value, at most 20: empty when it may pass. Walks
 * without recursion, so a value nested 100,000 deep costs a loop, not the stack. Only
 * plain objects and arrays are entered (FormData, Buffers are left to the schema).
 */
export function inputIssues(value: unknown, prefix: readonly (string | number)[] = []): InputIssue[] {
  const issues: InputIssue[] = [];
  const stack: Pending[] = [{ value, key: null, parent: null, depth: 0, keyProblem: null }];
  const report = (p: Pending, message: string) => issues.push({ path: pathText(pathOf(p, prefix)), message });
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const pending = stack.pop()!;
    const { value: v, depth, keyProblem } = pending;
    if (keyProblem) {
      report(pending, `Key ${keyProblem}`);
    } else if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) report(pending, `Text ${problem}`);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) report(pending, 'Number is too large to store');
    } else if (v !== null && typeof v === 'object' && isPlainContainer(v)) {
      if (depth >= MAX_DEPTH) {
        report(pending, `Value is nested more than ${MAX_DEPTH} levels deep`);
        continue;
      }
      // Pushed in reverse, so issues come out in document order.
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: pending, depth: depth + 1, keyProblem: null });
      } else {
        const keys = Object.keys(v);
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i];
          stack.push({ value: (v as Record<string, unknown>)[key], key, parent: pending, depth: depth + 1, keyProblem: textProblem(key) });
        }
      }
    }
  }
  return issues;
}
