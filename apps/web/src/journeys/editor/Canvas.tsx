// The React Flow canvas, controlled by the draft graph: every gesture becomes a pure graph
// edit (graphOps) that the editor records for undo and autosave.
import type { GraphIssue, JourneyGraph, JourneyStats } from '@afterglow/journey-core';
import {
  Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow,
  type Connection, type Edge, type EdgeChange, type NodeChange, type NodeTypes, type EdgeTypes,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DeletableEdge } from './DeletableEdge';
import { connect, moveNodes, removeEdges, removeNodes } from './graphOps';
import { CARD_WIDTH, JourneyNodeCard, type JourneyFlowNode } from './NodeCard';
import { PALETTE_MIME } from './Palette';
import { branchTargets, isLoopEdge } from './loops';
import { useLocale } from '../../ui/locale';

// Module level, so React Flow never sees a new object and remounts every card.
const nodeTypes: NodeTypes = { journey: JourneyNodeCard };
const edgeTypes: EdgeTypes = { deletable: DeletableEdge };
const defaultEdgeOptions = { type: 'deletable', markerEnd: { type: MarkerType.ArrowClosed, color: '#94a3b8' } };

export interface CanvasProps {
  graph: JourneyGraph;
  issues: GraphIssue[];
  stats: JourneyStats | null;
  live: boolean;
  selectedId: string | null;
  onSelect(id: string | null): void;
  /** A recorded edit (add, delete, connect, drag end). */
  onApply(next: JourneyGraph): void;
  /** An unrecorded live update (positions while dragging). */
  onPreview(next: JourneyGraph): void;
  onCheckpoint(before: JourneyGraph): void;
  onDropType(typeId: string, position: { x: number; y: number }): void;
}

export function Canvas(p: CanvasProps) {
  const { t } = useTranslation('editor');
  const locale = useLocale();
  const { screenToFlowPosition } = useReactFlow();
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const [selectedEdges, setSelectedEdges] = useState<Set<string>>(new Set());
  const dragStart = useRef<JourneyGraph | null>(null);
  const graphRef = useRef(p.graph);
  graphRef.current = p.graph;
  // Plain functions, not p.onX(...) calls, so each callback depends on the handler, not on all props.
  const { onApply, onPreview, onSelect, onCheckpoint, onDropType } = p;

  const nodes = useMemo<JourneyFlowNode[]>(() => p.graph.nodes.map((n) => ({
    id: n.id, type: 'journey', position: n.position, selected: n.id === p.selectedId, measured: measured[n.id],
    data: { typeId: n.type, typeVersion: n.typeVersion, config: n.config, label: n.label, targets: branchTargets(p.graph, n.id, locale),
      issues: p.issues.filter((i) => i.nodeId === n.id), stats: p.stats?.nodes[n.id] ?? null, live: p.live },
  })), [p.graph, p.selectedId, p.issues, p.stats, p.live, measured, locale]);

  const removeEdge = useCallback((id: string) => onApply(removeEdges(graphRef.current, [id])), [onApply]);
  const edges = useMemo<Edge[]>(() => p.graph.edges.map((e) => ({
    id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target, targetHandle: 'in',
    selected: selectedEdges.has(e.id), data: { onRemove: p.live ? undefined : removeEdge, loop: isLoopEdge(p.graph, e) }, deletable: !p.live,
  })), [p.graph, selectedEdges, removeEdge, p.live]);

  const onNodesChange = useCallback((changes: NodeChange<JourneyFlowNode>[]) => {
    const positions = new Map<string, { x: number; y: number }>();
    const removed: string[] = [];
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions) setMeasured((m) => ({ ...m, [c.id]: c.dimensions! }));
      else if (c.type === 'position' && c.position) positions.set(c.id, c.position);
      else if (c.type === 'remove') removed.push(c.id);
      else if (c.type === 'select' && c.selected) onSelect(c.id);
    }
    if (positions.size) onPreview(moveNodes(graphRef.current, positions));
    if (removed.length) {
      onApply(removeNodes(graphRef.current, removed));
      if (p.selectedId && removed.includes(p.selectedId)) onSelect(null);
    }
  }, [onPreview, onApply, onSelect, p.selectedId]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length) onApply(removeEdges(graphRef.current, removed));
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length) {
      setSelectedEdges((prev) => {
        const next = new Set(prev);
        for (const c of selects) if (c.type === 'select') c.selected ? next.add(c.id) : next.delete(c.id);
        return next;
      });
    }
  }, [onApply]);

  const onConnect = useCallback((c: Connection) => {
    if (!c.sourceHandle) return;
    onApply(connect(graphRef.current, { source: c.source, sourceHandle: c.sourceHandle, target: c.target }));
  }, [onApply]);

  const onDrop = useCallback((e: DragEvent) => {
    const typeId = e.dataTransfer.getData(PALETTE_MIME);
    if (!typeId) return;
    e.preventDefault();
    const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    onDropType(typeId, { x: at.x - CARD_WIDTH / 2, y: at.y - 30 });
  }, [screenToFlowPosition, onDropType]);

  return (
    <div className="h-full w-full" data-testid="canvas" onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }} onDrop={onDrop}>
      <ReactFlow<JourneyFlowNode>
        nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect}
        onNodeDragStart={() => { dragStart.current = graphRef.current; }}
        onNodeDragStop={() => { if (dragStart.current) onCheckpoint(dragStart.current); dragStart.current = null; }}
        onPaneClick={() => onSelect(null)}
        isValidConnection={(c) => c.source !== c.target}
        nodesDraggable nodesConnectable={!p.live} deleteKeyCode={p.live ? null : ['Backspace', 'Delete']}
        fitView fitViewOptions={{ maxZoom: 1, padding: 0.3 }} minZoom={0.2} maxZoom={1.75} proOptions={{ hideAttribution: true }}>
        <Background gap={20} size={1.2} color="#cbd5e1" />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable className="!rounded-lg !ring-1 !ring-slate-200" nodeColor="#c4b5fd" style={{ width: 120, height: 84 }} ariaLabel={t('canvas.overview')} />
      </ReactFlow>
    </div>
  );
}
