import type { z } from 'zod';
import type { BranchSpec, ConfigIssue, NodeTypeDefinition } from './types.js';

/** Identity at run time; gives a node type's config its inferred type everywhere. */
export function defineNodeType<S extends z.ZodType>(def: NodeTypeDefinition<S>): NodeTypeDefinition<S> {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(def.id)) {
    throw new Error(`Node type id "${def.id}" must look like "namespace/name"`);
  }
  if (def.category === 'trigger' && !def.trigger) throw new Error(`${def.id}: a trigger needs trigger behaviour`);
  if (def.category !== 'trigger' && !def.execute) throw new Error(`${def.id}: a step needs execute()`);
  return def;
}

export function branchesOf(def: NodeTypeDefinition, config: unknown): BranchSpec[] {
  if (typeof def.ui.branches !== 'function') return def.ui.branches;
  const parsed = def.config.safeParse(config);
  return parsed.success ? def.ui.branches(parsed.data) : [];
}

/** Zod issues as { field, message }, the shape every error in Afterglow uses. */
export function configIssues(def: NodeTypeDefinition, config: unknown): ConfigIssue[] {
  const parsed = def.config.safeParse(config);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

export function summaryOf(def: NodeTypeDefinition, config: unknown): string {
  const parsed = def.config.safeParse(config);
  return parsed.success ? def.ui.summary(parsed.data) : 'Needs configuration';
}
