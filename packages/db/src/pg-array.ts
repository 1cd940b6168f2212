// Array parameters of set-based writes (`unnest($1::uuid[], $2::text[], ...)`), spelled as
// Postgres array literals here. postgres.js would put every element through two regular
// expressions and a closure; an engine batch passes thousands of elements, so this one pass
// per element is a measurable share of the engine's CPU.
const SPECIAL = /[\\"]/;
const SPECIAL_ALL = /[\\"]/g;

type Element = string | number | boolean | Date | null | undefined;

/** An array literal for any element type: each element quoted (escaped if need be), null as NULL. */
export function pgArray(values: readonly Element[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) parts[i] = 'NULL';
    else if (typeof value === 'string') parts[i] = `"${SPECIAL.test(value) ? value.replace(SPECIAL_ALL, '\\$&') : value}"`;
    else if (value instanceof Date) parts[i] = value.toISOString();
    else parts[i] = String(value);
  }
  return `{${parts.join(',')}}`;
}
