// What the json widget checks as the marketer types. A string field may hold JSON with merge
// fields ({{ customer.email }}, or {{ event }} standing for a whole value): each counts as one
// value, so only the JSON around them is judged; the node's own schema has the last word.
// A field holding a parsed value (an object, a list) gets the text parsed on every change.
// Problems are returned as data (the line, the parser's words); the form says them in the
// user's language.

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Text that is not JSON (at `line` when the parser says where: `detail` are its words), or no text at all. */
export type JsonProblem = { kind: 'syntax'; line: number | null; detail: string } | { kind: 'empty' };

function problemOf(text: string, err: unknown): JsonProblem {
  const raw = (err as Error).message;
  const position = /at position (\d+)/.exec(raw);
  const detail = raw.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/ at position \d+[\s\S]*$/, '').replace(/ in JSON$/, '');
  return { kind: 'syntax', line: position ? lineAt(text, Number(position[1])) : null, detail };
}

/** The syntax problem of JSON text with merge fields, or null. Empty text is left to the schema. */
export function jsonTemplateProblem(text: string): JsonProblem | null {
  if (text.trim() === '') return null;
  // A merge field becomes 0 (a value outside a string, a character inside one); lines are kept.
  const skeleton = text.replace(/\{\{[\s\S]*?\}\}/g, (m) => `0${'\n'.repeat(m.split('\n').length - 1)}`);
  try {
    JSON.parse(skeleton);
    return null;
  } catch (err) {
    return problemOf(skeleton, err);
  }
}

type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

export function parseJsonText(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, problem: text.trim() === '' ? { kind: 'empty' } : problemOf(text, err) };
  }
}

/** How a parsed value is shown for editing. */
export const jsonTextOf = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));
