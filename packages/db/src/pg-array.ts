// Array parameters of set-based writes (`unnest($1::uuid[], $2::text[], ...)`), spelled as
// Postgres array literals here. postgres.js would put every element through two regular
// expressions and a closure; an engine batch passes thousands of elements, so this one pass
// per element is a measurable share of the engine's CPU.
const SPECIAL = /[\\"]/g;

type Element = string | number | boolean | Date | null | undefined;

/** An array literal for any element type: each element quoted and escaped, null as NULL. */
export function pgArray(values: readonly Element[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ',';
    if (value === null || value === undefined) literal += 'NULL';
    else if (typeof value === 'string') literal += `"${value.replace(SPECIAL, '\\$&')}"`;
    else if (value instanceof Date) literal += `"${value.toISOString()}"`;
    else literal += `"${String(value)}"`;
  }
  return `${literal}}`;
}
