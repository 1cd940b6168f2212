// The Liquid engines that personalise emails. Templates are authored by shop staff but the
// data (names, product titles) comes from customers and shop feeds, so every output is
// HTML-escaped by default and nothing may touch the file system.
import { Drop, Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';

// Building an Intl.NumberFormat costs far more than formatting with one, and an email
// formats every price: one formatter per (locale, currency), kept for the process.
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency }); // throws for an unknown code: not cached
    if (moneyFormats.size < 1_000) moneyFormats.set(key, format);
  }
  return format;
}

/** Formats an amount as money, e.g. `{{ item.price | money: order.currency }}` → €21.00. */
export function formatMoney(value: unknown, currency: unknown = 'EUR', locale = 'en-US'): string {
  if (value === null || value === undefined || value === '') return '';
  const amount = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(amount)) return '';
  const code = typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : 'EUR';
  try {
    return moneyFormat(locale, code).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${code}`; // a well-formed but unknown ISO code
  }
}

// Templates must be self-contained: partials would read files (or, with a custom fs,
// whatever a template author names). Refused at parse time so the check reports it.
function forbiddenTag(name: string) {
  return class extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      throw new Error(`{% ${name} %} is not allowed in email templates`);
    }

    *render(): Generator<never, void, unknown> { /* never reached: the constructor refuses */ }
  };
}

const noFileSystem = {
  exists: async () => false, existsSync: () => false,
  readFile: async (file: string) => { throw new Error(`templates cannot read files (${file})`); },
  readFileSync: (file: string) => { throw new Error(`templates cannot read files (${file})`); },
  resolve: (_dir: string, file: string) => file,
};

function createEngine(opts: { escapeHtml: boolean; strict: boolean }): Liquid {
  const liquid = new Liquid({
    outputEscape: opts.escapeHtml ? 'escape' : undefined,
    strictVariables: opts.strict,
    // When checking, report every problem of a template at once, not just the first.
    catchAllErrors: opts.strict,
    relativeReference: false,
    strictFilters: true,
    ownPropertyOnly: true,
    cache: false,
    fs: noFileSystem,
    // Bounds so a template (or a huge order) cannot stall a worker. The memory limit counts
    // what filters and ranges allocate (a unit costs up to ~30 bytes), not the output: the
    // starters use under 1,000 units; 1,000,000 keeps a hostile (1..50000000) from asking
    // V8 for more than a worker thread's heap holds, which would abort the whole process.
    parseLimit: 1_000_000,
    renderLimit: 2_000,
    memoryLimit: 1_000_000,
  });
  for (const name of ['include', 'render', 'layout']) liquid.registerTag(name, forbiddenTag(name));
  liquid.registerFilter('money', (value: unknown, currency?: unknown) => formatMoney(value, currency));
  return liquid;
}

/** Send time: HTML-escaped, a missing value renders as empty. */
export const htmlLiquid = createEngine({ escapeHtml: true, strict: false });
/** Send time, for the subject line: plain text, so no HTML entities in the inbox. */
export const textLiquid = createEngine({ escapeHtml: false, strict: false });
/** Check time: an unknown merge field is an error. */
export const strictLiquid = createEngine({ escapeHtml: true, strict: true });

/**
 * Stands in for open-ended maps (event properties, custom attributes) when checking a
 * template: any property path exists, so only fixed fields can be reported as unknown.
 */
export class AnyValueDrop extends Drop {
  liquidMethodMissing(): AnyValueDrop { return new AnyValueDrop(); }
  valueOf(): string { return ''; }
}

/** "line 3: tag "foo" not found" from a LiquidJS error (its message ends in ", line:3, col:1"). */
export function describeLiquidError(err: unknown): string {
  const e = err as { message?: string; token?: { getPosition(): [number, number] }; originalError?: Error };
  const base = (e.originalError?.message ?? e.message ?? String(err)).replace(/, line:\d+, col:\d+$/, '');
  const position = typeof e.token?.getPosition === 'function' ? e.token.getPosition() : null;
  return position ? `line ${position[0]}: ${base}` : base;
}
