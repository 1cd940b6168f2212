import type { z } from 'zod';
import { localizeNode } from './i18n.js';
import type { ExecContext } from './context.js';
import type { BranchSpec, ConfigIssue, NodeTypeDefinition, SummaryNames } from './types.js';

const NODE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;
const COUNTER_ID = /^[a-z0-9_]{1,40}$/;
/** What the engine counts on every node (entries, holds, caps, effects held out, where runs are). */
// machine_opens and machine_clicks are read into opens and clicks by a workspace setting.
const RESERVED_COUNTERS = new Set(['entered', 'held', 'capped', 'held_out', 'waiting', 'failed', 'exited', 'machine_opens', 'machine_clicks']);

/**
 * Checks the definition's shape once, where it is written, and gives its config its inferred
 * type everywhere.
 */
export function defineNodeType<S extends z.ZodType>(def: NodeTypeDefinition<S>): NodeTypeDefinition<S> {
  if (!NODE_ID.test(def.id)) throw new Error(`Node type id "${def.id}" must look like "namespace/name"`);
  if (!Number.isInteger(def.version) || def.version < 1) throw new Error(`${def.id}: version must be a whole number from 1`);
  if (def.category === 'trigger' && !def.trigger) throw new Error(`${def.id}: a trigger needs trigger behaviour`);
  if (def.category !== 'trigger' && !def.execute) throw new Error(`${def.id}: a step needs execute()`);
  for (const c of def.counters ?? []) {
    if (!COUNTER_ID.test(c.id)) throw new Error(`${def.id}: counter id "${c.id}" must be lower-case letters, digits and _`);
    if (RESERVED_COUNTERS.has(c.id)) throw new Error(`${def.id}: counter id "${c.id}" is counted by the engine itself`);
  }
  if (def.loop && (def.category === 'trigger' || typeof def.loop.limit !== 'function')) {
    throw new Error(`${def.id}: a loop needs a step (not a trigger) and a limit(config) function`);
  }
  if (def.loop && Array.isArray(def.ui.branches) && !def.ui.branches.some((b) => b.id === def.loop!.branch)) {
    throw new Error(`${def.id}: the loop branch "${def.loop.branch}" is not one of its branches`);
  }
  for (let v = 1; v < def.version; v++) {
    if (!def.migrations?.some((m) => m.from === v)) throw new Error(`${def.id} v${def.version}: no migration from version ${v}`);
  }
  return def;
}

export function branchesOf(def: NodeTypeDefinition, config: unknown): BranchSpec[] {
  if (typeof def.ui.branches !== 'function') return def.ui.branches;
  const parsed = def.config.safeParse(config);
  return parsed.success ? def.ui.branches(parsed.data) : [];
}

/**
 * Zod issues as { field, message }, the shape every error in Afterglow uses. With a `locale`, the
 * schema's own messages come translated by the node's `translations[locale].messages` (the SDK's
 * ready-made fields translate theirs); zod's built-in messages (a `.max(200)` given no message)
 * are in the language zod is configured for (`z.config({ localeError })`; Afterglow's web app
 * sets it to its user's language).
 *
 * @example
 * // translations: { sl: { messages: { 'Write the message': 'Napišite sporočilo' } } }
 * configIssues(sendSms, { ...config, message: '' }, 'sl') // [{ field: 'message', message: 'Napišite sporočilo' }]
 */
export function configIssues(def: NodeTypeDefinition, config: unknown, locale?: string): ConfigIssue[] {
  const parsed = def.config.safeParse(config);
  if (parsed.success) return [];
  const text = locale ? localizeNode(def, locale) : null;
  return parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: text ? text.message(i.message) : i.message }));
}

/**
 * The card's line in `locale`, naming what the config refers to through `names`; "Needs
 * configuration" (translated) while the config does not parse.
 *
 * @example
 * summaryOf(segmentCondition, { segmentId: 'seg_1' }, 'en', { segment: (id) => segments.get(id)?.name })
 * // 'Is the customer in “VIP”?'
 */
export function summaryOf(def: NodeTypeDefinition, config: unknown, locale?: string, names?: SummaryNames): string {
  const parsed = def.config.safeParse(config);
  return parsed.success ? def.ui.summary(parsed.data, locale, names) : localizeNode(def, locale).message('Needs configuration');
}

/**
 * How many times this run has taken the step's loop branch so far (`loop` in the definition);
 * the engine keeps the count in `run.context.loops`.
 *
 * @example
 * execute: (ctx, c) => next(loopTurns(ctx) < c.times ? 'again' : 'done')
 */
export function loopTurns(ctx: Pick<ExecContext, 'run' | 'nodeId'>): number {
  const loops = ctx.run.context.loops as Record<string, unknown> | undefined;
  const turns = loops?.[ctx.nodeId];
  return typeof turns === 'number' && Number.isInteger(turns) && turns > 0 ? turns : 0;
}
