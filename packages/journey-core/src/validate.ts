// Graph validation shared by the canvas (inline badges) and publishing (the refusal list).
// Each problem carries a stable code and its params, so the web app words it in the user's
// language; `message` stays English for the API, logs and tests.
import { branchesOf, configIssues, type CheckContext, type NodeRegistry, type NodeTypeDefinition } from '@afterglow/node-sdk';
import type { GraphNode, JourneyGraph } from './graph';
import { definitionOf, typeVersionOf } from './versions';

/**
 * What is wrong, stable across releases (the web app's catalogues are keyed by it). `config` and
 * `check` come from a node type's own schema and publish check: their message is the type's words.
 * `draft` is a draft that is not a graph at all (refused before validation).
 */
export type GraphIssueCode =
  | 'duplicate-id' | 'no-trigger' | 'second-trigger' | 'missing-node' | 'unknown-branch' | 'branch-connected-twice'
  | 'unknown-type' | 'version-too-new' | 'version-outdated' | 'trigger-has-input' | 'unreachable' | 'loop' | 'loop-open'
  | 'config' | 'check' | 'draft' | 'move-target';

export interface GraphIssue {
  /** null for problems of the journey as a whole. */
  nodeId: string | null;
  field: string;
  code: GraphIssueCode;
  /** The values the message names (an edge id, a branch, versions), for wording it in any language. */
  params?: Record<string, string | number>;
  /** In English, but for `config` issues when validateGraph is given a locale. */
  message: string;
}

/**
 * Structure and config problems; pure and synchronous, so the canvas runs it live. `locale` words
 * the config problems (a node type's own messages) in the reader's language; `message` of the
 * structural ones stays English (the web words those by `code`).
 */
export function validateGraph(graph: JourneyGraph, registry: NodeRegistry, locale?: string): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (ids.has(node.id)) issues.push({ nodeId: node.id, field: 'id', code: 'duplicate-id', params: { id: node.id }, message: `Node id ${node.id} is used twice` });
    ids.add(node.id);
  }
  const triggers = graph.nodes.filter((n) => registry.get(n.type)?.category === 'trigger');
  if (triggers.length === 0) issues.push({ nodeId: null, field: 'trigger', code: 'no-trigger', message: 'Add a trigger: it decides who enters the journey' });
  if (triggers.length > 1) {
    for (const t of triggers.slice(1)) issues.push({ nodeId: t.id, field: 'trigger', code: 'second-trigger', message: 'A journey has one trigger' });
  }

  const incoming = new Map<string, number>();
  const seenBranch = new Set<string>();
  for (const edge of graph.edges) {
    const source = graph.nodes.find((n) => n.id === edge.source);
    if (!source || !ids.has(edge.target)) {
      issues.push({ nodeId: edge.source, field: 'edges', code: 'missing-node', params: { edge: edge.id }, message: `Connection ${edge.id} points to a missing node` });
      continue;
    }
    const def = definitionOf(registry, source);
    if (def && !branchesOf(def, source.config).some((b) => b.id === edge.sourceHandle)) {
      // Named by the step it leads to: the branch is gone (an arm removed), its id says nothing to people.
      const target = graph.nodes.find((n) => n.id === edge.target)!.type;
      issues.push({
        nodeId: source.id, field: 'edges', code: 'unknown-branch', params: { edge: edge.id, branch: edge.sourceHandle, target },
        message: `The connection to “${registry.get(target)?.ui.label ?? target}” leaves from a branch this step does not have: delete it, or draw it from one of the step's branches`,
      });
    }
    const key = `${edge.source}/${edge.sourceHandle}`;
    if (seenBranch.has(key)) {
      issues.push({ nodeId: source.id, field: 'edges', code: 'branch-connected-twice', params: { branch: edge.sourceHandle }, message: `Branch “${edge.sourceHandle}” is connected twice` });
    }
    seenBranch.add(key);
    incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  }

  for (const node of graph.nodes) {
    const def = registry.get(node.type);
    if (!def) {
      issues.push({ nodeId: node.id, field: 'type', code: 'unknown-type', params: { type: node.type }, message: `Unknown node type “${node.type}”` });
      continue;
    }
    const versionIssue = versionIssueOf(node, def);
    if (versionIssue) issues.push({ nodeId: node.id, field: 'typeVersion', ...versionIssue });
    else for (const i of configIssues(def, node.config, locale)) issues.push({ nodeId: node.id, code: 'config', ...i });
    if (def.category === 'trigger' && incoming.get(node.id)) {
      issues.push({ nodeId: node.id, field: 'edges', code: 'trigger-has-input', message: 'Nothing can lead into a trigger' });
    }
    if (def.category !== 'trigger' && !incoming.get(node.id)) {
      issues.push({ nodeId: node.id, field: 'edges', code: 'unreachable', message: 'Not connected: no customer can reach this step' });
    }
    // A way back that leads nowhere would end the journey where the marketer meant a loop.
    if (def.loop && !seenBranch.has(`${node.id}/${def.loop.branch}`)) {
      issues.push({ nodeId: node.id, field: 'edges', code: 'loop-open', message: 'Connect its way back to the earlier step it should lead to' });
    }
  }
  issues.push(...moveIssues(graph, registry));
  if (hasUnboundedCycle(graph, registry)) {
    issues.push({ nodeId: null, field: 'edges', code: 'loop', message: 'The journey loops back on itself without a limit: lead back to an earlier step only from a Go to step' });
  }
  return issues;
}

/** A removed step's customers can be moved only to a step of this graph that is not its trigger. */
function moveIssues(graph: JourneyGraph, registry: NodeRegistry): GraphIssue[] {
  return (graph.waitingMoves ?? []).flatMap((move, i) => {
    if (move.to === null || graph.nodes.some((n) => n.id === move.from)) return [];
    const target = graph.nodes.find((n) => n.id === move.to);
    if (target && registry.get(target.type)?.category !== 'trigger') return [];
    return [{
      nodeId: null, field: `waitingMoves.${i}.to`, code: 'move-target' as const, params: { from: move.from, to: move.to },
      message: 'Customers waiting at a removed step are to move to a step that is not in the journey (or is its trigger): choose another step, or let them exit',
    }];
  });
}

/** A step is published on the newest version of its type: older ones are migrated when the draft is opened. */
function versionIssueOf(node: GraphNode, def: NodeTypeDefinition): Pick<GraphIssue, 'code' | 'params' | 'message'> | null {
  const [version, newest, label] = [typeVersionOf(node), def.version, def.ui.label];
  const params = { type: def.id, version, newest };
  if (version > newest) {
    return { code: 'version-too-new', params, message: `Written for version ${version} of “${label}”, but this Afterglow has only up to version ${newest}` };
  }
  if (version < newest) {
    return {
      code: 'version-outdated', params,
      message: `Still on version ${version} of “${label}”, and version ${newest} is installed: opening the journey in the editor `
        + 'updates it; if that fails, replace the step with a new one',
    };
  }
  return null;
}

/**
 * A cycle is allowed only through a branch its node type declares as a bounded loop (`loop` in the
 * definition: the engine stops a run taking it more than its limit): with those connections set
 * aside, what remains must have no cycle.
 */
function hasUnboundedCycle(graph: JourneyGraph, registry: NodeRegistry): boolean {
  const loopBranch = new Map(graph.nodes.map((n) => [n.id, definitionOf(registry, n)?.loop?.branch]));
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (loopBranch.get(e.source) === e.sourceHandle) continue;
    out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return false;
    if (state.get(id) === 'visiting') return true;
    state.set(id, 'visiting');
    const cyclic = (out.get(id) ?? []).some(visit);
    state.set(id, 'done');
    return cyclic;
  };
  return graph.nodes.some((n) => visit(n.id));
}

/** Structural validation plus each node type's data-aware publish check. */
export async function checkForPublish(graph: JourneyGraph, registry: NodeRegistry, ctx: CheckContext): Promise<GraphIssue[]> {
  const issues = validateGraph(graph, registry);
  for (const node of graph.nodes) {
    const def = definitionOf(registry, node);
    if (!def?.check || issues.some((i) => i.nodeId === node.id)) continue;
    const config = def.config.parse(node.config);
    for (const i of await def.check(config, ctx)) issues.push({ nodeId: node.id, code: 'check', ...i });
  }
  return issues;
}
