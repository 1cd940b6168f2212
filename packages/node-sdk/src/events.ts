/** Names already normalised: a shop sends a few dozen, each event is matched against every trigger and goal. */
const normalized = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

/** "Order Completed", "order_completed" and "order-completed" name the same event. */
export function normalizeEventName(name: string): string {
  let out = normalized.get(name);
  if (out === undefined) {
    out = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
    if (normalized.size < MAX_REMEMBERED) normalized.set(name, out);
  }
  return out;
}

/**
 * Reads a dotted path (`shipping.country`, `products.0.sku`) from event properties.
 * With `{ acrossLists: true }` a key met on a list reads every item's: `products.category` is the
 * list of the lines' categories (a number still picks one item), so a condition can ask whether
 * any line of an order is in a category.
 * @example propertyAt({ products: [{ category: 'Tea' }, { category: 'Cups' }] }, 'products.category', { acrossLists: true }) // ['Tea', 'Cups']
 */
export function propertyAt(source: unknown, path: string, options: { acrossLists?: boolean } = {}): unknown {
  let values: unknown[] = [source];
  let listed = false;
  const read = (v: unknown, key: string) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined);
  for (const key of path.split('.')) {
    values = values.flatMap((v) => {
      if (!options.acrossLists || !Array.isArray(v) || /^\d+$/.test(key)) return [read(v, key)];
      listed = true;
      return v.map((item: unknown) => read(item, key));
    });
  }
  if (!listed) return values[0];
  return values.filter((v) => v !== undefined).flat();
}
