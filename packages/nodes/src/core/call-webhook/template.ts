// The body of a webhook: JSON with Liquid merge fields ({{ customer.email }},
// {{ event.order_id | default: "none" }}). Escaping follows where a field stands: inside a
// JSON string its value is escaped as string content; standing alone it becomes a whole JSON
// value (string, number, object or null). So a customer named `Ada "the" \ Lovelace` cannot
// break the document, and whether every rendering is valid JSON is decided from the
// template alone, at publish, on the canvas as the marketer types.
// Outputs only, no {% %} tags: a loop or an if could make the document's shape depend on data.

export interface WebhookData {
  customer: Record<string, unknown>;
  /** The trigger event's properties, as sent ({} when the run did not start from an event). */
  event: Record<string, unknown>;
  /** The coupon an earlier Issue coupon step put in the run, or null. */
  coupon: Record<string, unknown> | null;
}

type Filter = { name: 'default'; arg: unknown } | { name: 'upcase' | 'downcase' | 'strip' };
interface Output { path: string[]; filters: Filter[]; inString: boolean }
type Part = string | Output;

/** Fields each merge root offers; null: any key (open-ended maps). */
const FIELDS: Record<string, Record<string, null | 'open'> | null> = {
  customer: { id: null, email: null, firstName: null, lastName: null, fullName: null, timezone: null, birthday: null, attributes: 'open' },
  event: null,
  coupon: { code: null, kind: null, value: null, minOrderTotal: null, description: null, expiresAt: null },
};

export class TemplateProblem extends Error {}

const lineAt = (source: string, index: number) => source.slice(0, index).split('\n').length;

function parseLiteral(raw: string, where: string): unknown {
  const text = raw.trim();
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) return JSON.parse(text);
  if (/^'[^']*'$/.test(text)) return text.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false' || text === 'null') return JSON.parse(text);
  throw new TemplateProblem(`${where}: default needs a quoted text, a number, true, false or null`);
}

function parseOutput(inner: string, where: string): Omit<Output, 'inString'> {
  const [head, ...filterTexts] = inner.split('|');
  const path = head.trim().split('.');
  if (!path.every((p) => /^[A-Za-z_][\w-]*$|^\d+$/.test(p))) throw new TemplateProblem(`${where}: "${head.trim()}" is not a merge field`);
  const [root, field, ...rest] = path;
  if (!(root in FIELDS)) throw new TemplateProblem(`${where}: unknown merge field "${root}" (use customer, event or coupon)`);
  const fields = FIELDS[root];
  if (fields && field !== undefined) {
    if (!Object.hasOwn(fields, field)) throw new TemplateProblem(`${where}: unknown merge field "${root}.${field}"`);
    if (rest.length > 0 && fields[field] !== 'open') throw new TemplateProblem(`${where}: unknown merge field "${path.slice(0, 3).join('.')}"`);
  }
  const filters = filterTexts.map((text): Filter => {
    const [name, arg] = [text.slice(0, text.includes(':') ? text.indexOf(':') : undefined).trim(), text.includes(':') ? text.slice(text.indexOf(':') + 1) : null];
    if (name === 'default') {
      if (arg === null) throw new TemplateProblem(`${where}: default needs a value, e.g. | default: "none"`);
      return { name, arg: parseLiteral(arg, where) };
    }
    if ((name === 'upcase' || name === 'downcase' || name === 'strip') && arg === null) return { name };
    throw new TemplateProblem(`${where}: unknown filter "${name}" (default, upcase, downcase, strip)`);
  });
  return { path, filters };
}

/** Splits the template into literal JSON text and merge fields, each knowing whether it stands in a string. */
export function parseBodyTemplate(source: string): Part[] {
  const tag = source.indexOf('{%');
  if (tag >= 0) throw new TemplateProblem(`line ${lineAt(source, tag)}: only {{ }} merge fields are allowed in a webhook body, not {% %} tags`);
  const parts: Part[] = [];
  let inString = false;
  let escaped = false;
  let last = 0;
  const scan = (text: string) => {
    for (const ch of text) {
      if (escaped) escaped = false;
      else if (inString && ch === '\\') escaped = true;
      else if (ch === '"') inString = !inString;
    }
  };
  for (const m of source.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    const literal = source.slice(last, m.index);
    scan(literal);
    parts.push(literal);
    const where = `line ${lineAt(source, m.index)}`;
    if (escaped) throw new TemplateProblem(`${where}: a merge field cannot follow a backslash`);
    parts.push({ ...parseOutput(m[1], where), inString });
    last = m.index + m[0].length;
  }
  const tail = source.slice(last);
  if (tail.includes('{{')) throw new TemplateProblem(`line ${lineAt(source, last + tail.indexOf('{{'))}: "{{" is not closed with "}}"`);
  parts.push(tail);
  return parts;
}

/** Why the template cannot always render valid JSON, or null when it always does. */
export function bodyTemplateProblem(source: string): string | null {
  let parts: Part[];
  try {
    parts = parseBodyTemplate(source);
  } catch (err) {
    if (err instanceof TemplateProblem) return err.message;
    throw err;
  }
  // Every field renders as string content or a whole JSON value: '' and null stand in for them.
  const skeleton = parts.map((p) => (typeof p === 'string' ? p : p.inString ? '' : 'null')).join('');
  try {
    const doc: unknown = JSON.parse(skeleton);
    if (doc === null || typeof doc !== 'object') return 'The body must be a JSON object or array, e.g. { "email": "{{ customer.email }}" }';
  } catch (err) {
    // The parser's message quotes or counts the skeleton, not what the marketer wrote: keep its
    // words, give the line (fields hold no line breaks, so lines match the template's).
    const raw = (err as Error).message;
    const position = /at position (\d+)/.exec(raw);
    const words = raw.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/ at position \d+[\s\S]*$/, '').replace(/ in JSON$/, '');
    return `The body is not valid JSON${position ? ` (line ${lineAt(skeleton, Number(position[1]))})` : ''}: ${words}`;
  }
  return null;
}

function lookup(data: WebhookData, path: string[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    // Own properties only: {{ event.constructor }} must not reach into prototypes.
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}

function applyFilter(value: unknown, filter: Filter): unknown {
  if (filter.name === 'default') return value === null || value === '' || value === false ? filter.arg : value;
  if (typeof value !== 'string') return value;
  return filter.name === 'upcase' ? value.toUpperCase() : filter.name === 'downcase' ? value.toLowerCase() : value.trim();
}

/** Renders the body; the result is valid JSON whenever bodyTemplateProblem(source) is null. */
export function renderBodyTemplate(source: string, data: WebhookData): string {
  return parseBodyTemplate(source).map((part) => {
    if (typeof part === 'string') return part;
    const value = part.filters.reduce(applyFilter, lookup(data, part.path));
    if (!part.inString) return JSON.stringify(value) ?? 'null';
    const text = value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    return JSON.stringify(text).slice(1, -1);
  }).join('');
}
