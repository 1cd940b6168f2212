// A small static picture of a journey's graph for the gallery: steps laid out by depth (rows by
// their distance from the trigger, side by side within a row), wires as lines, each step a pill
// coloured by its category and titled with its type's name. No layout library: a gallery graph
// has a handful of steps.
import type { JourneyGraph } from '@afterglow/journey-core';
import { registry, typeLabel } from '../editor/registry';

const FILL: Record<string, string> = { trigger: '#7c3aed', wait: '#f59e0b', condition: '#0ea5e9', action: '#10b981' };
const [W, H, GAP_X, GAP_Y] = [64, 16, 14, 18];
const [MIN_W, MIN_H] = [240, 150];

/** Each node's depth: the longest path from a node without inputs (cycles cut at the first revisit). */
function depths(graph: JourneyGraph): Map<string, number> {
  const depth = new Map<string, number>();
  const targets = new Set(graph.edges.map((e) => e.target));
  const visit = (id: string, d: number, path: Set<string>) => {
    if (path.has(id) || (depth.get(id) ?? -1) >= d) return;
    depth.set(id, d);
    for (const e of graph.edges) if (e.source === id) visit(e.target, d + 1, new Set([...path, id]));
  };
  for (const n of graph.nodes) if (!targets.has(n.id)) visit(n.id, 0, new Set());
  for (const n of graph.nodes) if (!depth.has(n.id)) depth.set(n.id, 0);
  return depth;
}

export function GraphPicture({ graph, label }: { graph: JourneyGraph; label: string }) {
  const depth = depths(graph);
  const rows: string[][] = [];
  for (const n of [...graph.nodes].sort((a, b) => a.position.x - b.position.x)) (rows[depth.get(n.id)!] ??= []).push(n.id);
  const widest = Math.max(1, ...rows.map((r) => r?.length ?? 0));
  const contentHeight = rows.length * H + (rows.length - 1) * GAP_Y;
  // At least a frame's size: a journey of one or two steps keeps pills of the same size as the rest.
  const width = Math.max(MIN_W, widest * W + (widest - 1) * GAP_X + 8);
  const height = Math.max(MIN_H, contentHeight + 8);
  const at = new Map<string, { x: number; y: number }>();
  rows.forEach((row, d) => row?.forEach((id, i) => {
    const rowWidth = row.length * W + (row.length - 1) * GAP_X;
    at.set(id, { x: (width - rowWidth) / 2 + i * (W + GAP_X), y: (height - contentHeight) / 2 + d * (H + GAP_Y) });
  }));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="h-36 w-full" data-testid="graph-picture">
      {graph.edges.map((e) => {
        const [s, t] = [at.get(e.source), at.get(e.target)];
        return s && t ? <line key={e.id} x1={s.x + W / 2} y1={s.y + H} x2={t.x + W / 2} y2={t.y} stroke="#cbd5e1" strokeWidth={1.5} /> : null;
      })}
      {graph.nodes.map((n) => {
        const p = at.get(n.id)!;
        return (
          <rect key={n.id} x={p.x} y={p.y} width={W} height={H} rx={8} fill={FILL[registry.get(n.type)?.category ?? ''] ?? '#94a3b8'}>
            <title>{n.label ?? typeLabel(n.type)}</title>
          </rect>
        );
      })}
    </svg>
  );
}
