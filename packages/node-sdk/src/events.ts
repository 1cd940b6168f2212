/** "Order Completed", "order_completed" and "order-completed" name the same event. */
export function normalizeEventName(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** Reads a dotted path (`shipping.country`, `products.0.sku`) from event properties. */
export function propertyAt(source: Record<string, unknown>, path: string): unknown {
  let value: unknown = source;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
