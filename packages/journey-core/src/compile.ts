// Publishing turns the canvas graph into the plan the engine executes: positions dropped,
// configs parsed (defaults applied), each branch resolved to its next node or null (end).
import { branchesOf, type NodeRegistry } from '@afterglow/node-sdk';
import type { JourneyGraph } from './graph';
import { readJourneySettings, type JourneySettings } from './settings';
import { typeVersionOf } from './versions';

export interface PlanNode {
  type: string;
  typeVersion: number;
  config: Record<string, unknown>;
  /** branch id -> next node id, or null when the branch ends the journey. */
  next: Record<string, string | null>;
}

export interface JourneyPlan {
  triggerNodeId: string;
  triggerType: string;
  /** Normalised event name of the trigger, for pre-filtering events in SQL. */
  triggerEvent: string | null;
  nodes: Record<string, PlanNode>;
  /** Re-entry rule and exit goal, fixed at publish like the rest of the plan. */
  settings: JourneySettings;
}

/**
 * Call only on a graph that validateGraph accepted: every step is then on the newest version of
 * its type (a draft is migrated when opened), and that version is written into the plan for good.
 */
export function compileGraph(graph: JourneyGraph, registry: NodeRegistry, settings?: unknown): JourneyPlan {
  const nodes: Record<string, PlanNode> = {};
  let trigger: { id: string; type: string; event: string | null } | null = null;
  for (const node of graph.nodes) {
    const def = registry.require(node.type, typeVersionOf(node));
    const config = def.config.parse(node.config) as Record<string, unknown>;
    const next: Record<string, string | null> = {};
    for (const b of branchesOf(def, config)) {
      next[b.id] = graph.edges.find((e) => e.source === node.id && e.sourceHandle === b.id)?.target ?? null;
    }
    nodes[node.id] = { type: def.id, typeVersion: def.version, config, next };
    if (def.trigger) trigger = { id: node.id, type: def.id, event: def.trigger.eventName(config) };
  }
  if (!trigger) throw new Error('compileGraph: the graph has no trigger (validate it first)');
  return { triggerNodeId: trigger.id, triggerType: trigger.type, triggerEvent: trigger.event, nodes, settings: readJourneySettings(settings) };
}
