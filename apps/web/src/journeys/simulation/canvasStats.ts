// A simulation's counts in the shape of live stats, so the canvas cards show them with the same
// strip (marked as simulated): entries and branches from the steps (the engine's own rule for
// what an entry is, node-counts.ts), holds, and where runs are at the end of the period.
import type { JourneyStats, NodeStats } from '@afterglow/journey-core';
import type { SimulationResult } from './types';

/** Outcomes that do not mean a run arrived at the node (as engine/src/node-counts.ts). */
const NOT_AN_ENTRY = new Set(['resume', 'retry', 'goal', 'defer']);

export function simulatedStats(id: string, result: SimulationResult): JourneyStats {
  const nodes: Record<string, NodeStats> = {};
  const node = (nodeId: string) => (nodes[nodeId] ??= { entered: 0, waiting: 0, branches: {}, failed: 0, exited: 0, counters: {} });
  for (const s of result.steps) {
    const n = node(s.nodeId);
    if (!NOT_AN_ENTRY.has(s.outcome)) n.entered += s.n;
    if (s.branch) n.branches[s.branch] = (n.branches[s.branch] ?? 0) + s.n;
    if (s.outcome === 'defer') n.counters.held = (n.counters.held ?? 0) + s.n;
  }
  const totals = { entered: result.entries.total, active: 0, completed: 0, failed: 0, converted: 0, revenue: 0 };
  for (const p of result.endPositions) {
    const n = node(p.nodeId);
    if (p.status === 'waiting' || p.status === 'active') { n.waiting += p.n; totals.active += p.n; }
    if (p.status === 'failed') { n.failed += p.n; totals.failed += p.n; }
    if (p.status === 'exited' || p.status === 'completed') { n.exited += p.n; totals.completed += p.n; }
  }
  return { versionId: id, totals, nodes };
}
