// A run's steps and branches in the marketer's words, from the graph of the version it walked
// (stepName: the step's own name, or its type and summary, which is the rule that decided).
import { definitionOf, type JourneyGraph } from '@afterglow/journey-core';
import { branchesOf, localizeNode } from '@afterglow/node-sdk';
import { registry } from '../editor/registry';

/**
 * The branch's label as its card shows it; the id when the step or branch is gone; null for a
 * step with one way on (its only branch says nothing).
 */
export function branchLabel(graph: JourneyGraph, nodeId: string, branchId: string, locale: string): string | null {
  const node = graph.nodes.find((n) => n.id === nodeId);
  const def = node && (definitionOf(registry, node) ?? registry.get(node.type));
  if (!node || !def) return branchId;
  const branches = branchesOf(def, node.config);
  if (branches.length <= 1) return null;
  const branch = branches.find((b) => b.id === branchId);
  return branch ? localizeNode(def, locale).branch(branch.id, branch.label) : branchId;
}

/** Run statuses with words of their own (`status.<s>`); any other shows as stored. */
export const RUN_STATUSES = ['active', 'waiting', 'completed', 'exited', 'failed'] as const;

export const statusTone = (s: string) =>
  (s === 'failed' ? 'error' : s === 'active' || s === 'waiting' ? 'live' : 'draft') as 'error' | 'live' | 'draft';
