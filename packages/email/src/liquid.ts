// The Liquid engines that personalise emails. Templates are authored by shop staff but the
// data (names, product titles) comes from customers and shop feeds, so every output is
// HTML-escaped by default and nothing may touch the file system.
import { Drop, Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';
import { formatDateFilter, moneyFilter, numberFilter, pluralFilter } from './locale-filters';

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
  // In the locale of the email (locale-filters.ts); Liquid's own `date` (strftime) stays as it is.
  liquid.registerFilter('money', moneyFilter);
  liquid.registerFilter('number', numberFilter);
  liquid.registerFilter('format_date', formatDateFilter);
  liquid.registerFilter('plural', pluralFilter);
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
