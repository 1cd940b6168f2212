// The React Flow nodes of the draft, kept stable: a card's node object (and its data) is reused
// until something it shows changes, so after a drop or an edit React Flow and the memoised cards
// redo only the steps that changed, whatever the size of the journey.
import { definitionOf, type GraphIssue, type GraphNode, type JourneyGraph, type JourneyStats } from '@afterglow/journey-core';
import { useMemo, useRef } from 'react';
import type { Size } from './geometry';
import type { JourneyFlowNode, JourneyNodeData } from './NodeCard';
import { branchTargets } from './loops';
import { ESTIMATED_SIZE, estimatedHandles } from './offscreenCards';
import { registry } from './registry';

interface Inputs {
  graph: JourneyGraph;
  issues: readonly GraphIssue[];
  stats: JourneyStats | null;
  live: boolean;
  /** The stats are a simulation's, not the live counts. */
  simulated: boolean;
  selection: ReadonlySet<string>;
  locale: string;
  /** Problems in each step's email (useEmailChecks), by step id. */
  emailProblems: ReadonlyMap<string, number>;
  /** Card sizes React Flow measured, by step id (kept on the node so fit view and the minimap know them). */
  measured: ReadonlyMap<string, Size>;
  /** Only the cards in view are rendered: one not measured yet gets a typical size and handles (offscreenCards). */
  visibleOnly: boolean;
}

interface Cached { node: GraphNode; selected: boolean; measured: Size | undefined; estimate: boolean; flow: JourneyFlowNode }

const NO_ISSUES: GraphIssue[] = [];
const NO_TARGETS: Readonly<Record<string, string>> = {};

const sameIssues = (a: readonly GraphIssue[], b: readonly GraphIssue[]) =>
  a.length === b.length && a.every((x, i) => x.code === b[i].code && x.field === b[i].field && x.message === b[i].message);
const sameRecord = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

function sameData(a: JourneyNodeData, b: JourneyNodeData): boolean {
  return a.typeId === b.typeId && a.typeVersion === b.typeVersion && a.config === b.config && a.label === b.label
    && a.live === b.live && a.simulated === b.simulated && a.stats === b.stats && a.emailProblems === b.emailProblems && sameIssues(a.issues, b.issues) && sameRecord(a.targets, b.targets);
}

export function useFlowNodes(p: Inputs): JourneyFlowNode[] {
  const cache = useRef(new Map<string, Cached>());
  return useMemo(() => {
    const issuesOf = new Map<string, GraphIssue[]>();
    for (const issue of p.issues) if (issue.nodeId) issuesOf.set(issue.nodeId, [...(issuesOf.get(issue.nodeId) ?? []), issue]);
    const targets = branchTargets(p.graph, p.locale);
    const next = new Map<string, Cached>();
    const nodes = p.graph.nodes.map((n) => {
      const was = cache.current.get(n.id);
      const data: JourneyNodeData = {
        typeId: n.type, typeVersion: n.typeVersion, config: n.config, label: n.label, targets: targets.get(n.id) ?? NO_TARGETS,
        issues: issuesOf.get(n.id) ?? NO_ISSUES, stats: p.stats?.nodes[n.id] ?? null, live: p.live, simulated: p.simulated, emailProblems: p.emailProblems.get(n.id) ?? 0,
      };
      const selected = p.selection.has(n.id);
      const measured = p.measured.get(n.id);
      const estimate = p.visibleOnly && !measured;
      const keep = was && was.node.position === n.position && was.selected === selected && was.measured === measured && was.estimate === estimate;
      const estimated = estimate ? { ...ESTIMATED_SIZE, handles: estimatedHandles(n, definitionOf(registry, n)) } : null;
      const flow: JourneyFlowNode = keep && sameData(was.flow.data, data) ? was.flow
        : { id: n.id, type: 'journey', position: n.position, selected, measured, ...estimated, data: was && sameData(was.flow.data, data) ? was.flow.data : data };
      next.set(n.id, { node: n, selected, measured, estimate, flow });
      return flow;
    });
    cache.current = next;
    return nodes;
  }, [p.graph, p.issues, p.stats, p.live, p.simulated, p.selection, p.locale, p.measured, p.emailProblems, p.visibleOnly]);
}
