/** Timestamps leave the API as ISO strings: JSON has no dates (the API uses no transformer),
 *  so the router's types say string, which is what the browser really receives. */
export function iso(value: Date | string): string;
export function iso(value: Date | string | null): string | null;
export function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
