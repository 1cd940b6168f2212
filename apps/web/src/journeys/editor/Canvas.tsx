// The React Flow canvas, controlled by the draft graph: every gesture becomes one pure graph edit
// (graphOps, clipboard) that the editor records for undo and autosave. While a card is dragged only
// React Flow's own change application runs here; the move is one edit on the drop, so validation
// and the cards' data are worked out once per gesture, not once per mouse move.
import type { GraphIssue, JourneyGraph, JourneyStats } from '@afterglow/journey-core';
import {
  applyNodeChanges, Background, Controls, MarkerType, MiniMap, ReactFlow, SelectionMode, useNodesInitialized, useReactFlow,
  type Connection, type Edge, type EdgeChange, type NodeChange, type NodeTypes, type EdgeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useRef, useState, type DragEvent, type MouseEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CanvasMenu, type CanvasCommands } from './CanvasMenu';
import { DeletableEdge } from './DeletableEdge';
import { CARD_WIDTH, type Position, type Size } from './geometry';
import { connect, moveNodes, removeEdges } from './graphOps';
import { JourneyNodeCard, type JourneyFlowNode } from './NodeCard';
import { PALETTE_MIME } from './Palette';
import { extendSelection } from './selectRange';
import { useFlowEdges } from './useFlowEdges';
import { useFlowNodes } from './useFlowNodes';
import { VISIBLE_ONLY_FROM } from './offscreenCards';
import { FIT_PADDING, fitJourney } from './view';
import { useLocale } from '../../ui/locale';

// Module level, so React Flow never sees a new object and remounts every card.
const nodeTypes: NodeTypes = { journey: JourneyNodeCard };
const edgeTypes: EdgeTypes = { deletable: DeletableEdge };
const defaultEdgeOptions = { type: 'deletable', markerEnd: { type: MarkerType.ArrowClosed, color: '#94a3b8' } };
// Shift + drag is box select and Shift + click a range (handled below, before React Flow sees it);
// Ctrl or Cmd + click adds one step to the selection.
const MULTI_SELECT_KEYS = ['Meta', 'Control'];
// Props React Flow copies into its store whenever they change identity (each copy re-runs every
// card's and wire's store selectors): module-level, so a drag's re-renders copy nothing.
const isValidConnection = (c: Edge | Connection) => c.source !== c.target;
const PRO_OPTIONS = { hideAttribution: true };
const FIT_OPTIONS = { padding: FIT_PADDING, maxZoom: 1 };
const MINIMAP_STYLE = { width: 120, height: 84 };

export interface CanvasProps {
  graph: JourneyGraph;
  issues: GraphIssue[];
  stats: JourneyStats | null;
  live: boolean;
  /** The stats shown are a simulation's (cards say so). */
  simulated?: boolean;
  selection: ReadonlySet<string>;
  /** Problems in each step's email, for the cards' badges. */
  emailProblems: ReadonlyMap<string, number>;
  onSelectionChange(next: ReadonlySet<string>): void;
  /** A recorded edit (connect, a wire removed, a drop). */
  onApply(next: JourneyGraph): void;
  onDropType(typeId: string, position: Position): void;
  commands: CanvasCommands;
}

export function Canvas(p: CanvasProps) {
  const { t } = useTranslation('editor');
  const locale = useLocale();
  const flow = useReactFlow<JourneyFlowNode>();
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(new Map());
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const [menu, setMenu] = useState<Position | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const graphRef = useRef(p.graph);
  graphRef.current = p.graph;
  const selectionRef = useRef(p.selection);
  selectionRef.current = p.selection;
  // Plain functions, not p.onX(...) calls, so each callback depends on the handler, not on all props.
  const { onApply, onSelectionChange, onDropType } = p;

  const visibleOnly = p.graph.nodes.length >= VISIBLE_ONLY_FROM;
  const derived = useFlowNodes({ graph: p.graph, issues: p.issues, stats: p.stats, live: p.live, simulated: !!p.simulated, selection: p.selection, emailProblems: p.emailProblems, locale, measured, visibleOnly });
  // React Flow drags its own copy; a new graph (an edit, the drop) replaces it.
  const [nodes, setNodes] = useState(derived);
  const [shown, setShown] = useState(derived);
  if (shown !== derived) {
    setShown(derived);
    setNodes(derived);
  }

  const removeEdge = useCallback((id: string) => onApply(removeEdges(graphRef.current, [id])), [onApply]);
  const edges = useFlowEdges(p.graph, selectedEdges, p.live ? undefined : removeEdge);

  const onNodesChange = useCallback((changes: NodeChange<JourneyFlowNode>[]) => {
    const local = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    if (local.length) setNodes((current) => applyNodeChanges(local, current));
    const sizes = changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : []));
    if (sizes.length) setMeasured((m) => new Map([...m, ...sizes]));
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length) {
      const next = new Set(selectionRef.current);
      for (const c of selects) if (c.type === 'select') c.selected ? next.add(c.id) : next.delete(c.id);
      if (next.size !== selectionRef.current.size || [...next].some((id) => !selectionRef.current.has(id))) onSelectionChange(next);
    }
  }, [onSelectionChange]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length) {
      setSelectedEdges((prev) => {
        const next = new Set(prev);
        for (const c of selects) if (c.type === 'select') c.selected ? next.add(c.id) : next.delete(c.id);
        return next;
      });
    }
  }, []);

  const onConnect = useCallback((c: Connection) => {
    if (!c.sourceHandle) return;
    onApply(connect(graphRef.current, { source: c.source, sourceHandle: c.sourceHandle, target: c.target }));
  }, [onApply]);

  // The whole gesture (one card or a selection) is one edit; a click without a move is none.
  const onNodeDragStop = useCallback((_e: unknown, _node: JourneyFlowNode, dragged: JourneyFlowNode[]) => {
    const at = new Map(graphRef.current.nodes.map((n) => [n.id, n.position]));
    const moved = new Map(dragged.filter((d) => {
      const was = at.get(d.id);
      return was && (Math.round(d.position.x) !== was.x || Math.round(d.position.y) !== was.y);
    }).map((d) => [d.id, d.position]));
    if (moved.size) onApply(moveNodes(graphRef.current, moved));
  }, [onApply]);

  const onDrop = useCallback((e: DragEvent) => {
    const typeId = e.dataTransfer.getData(PALETTE_MIME);
    if (!typeId) return;
    e.preventDefault();
    const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    onDropType(typeId, { x: at.x - CARD_WIDTH / 2, y: at.y - 30 });
  }, [flow, onDropType]);

  const onNodeContextMenu = useCallback((e: MouseEvent, node: JourneyFlowNode) => {
    e.preventDefault();
    if (!selectionRef.current.has(node.id)) onSelectionChange(new Set([node.id]));
    const frame = box.current!.getBoundingClientRect();
    setMenu({ x: e.clientX - frame.left, y: e.clientY - frame.top });
  }, [onSelectionChange]);

  // The last step clicked without Shift: where a Shift + click range starts.
  const anchor = useRef<string | null>(null);
  const onNodeClick = useCallback((_e: unknown, node: JourneyFlowNode) => { anchor.current = node.id; }, []);
  // React Flow takes any press with Shift held for a box selection (and clears the selection), so a
  // Shift press on a card is caught first, in the capture phase, and its click extends the selection.
  const shiftPressed = useRef<string | null>(null);
  const onPointerDownCapture = useCallback((e: PointerEvent<HTMLDivElement>) => {
    const id = e.shiftKey && e.button === 0 ? (e.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id') : null;
    shiftPressed.current = id ?? null;
    if (!id) return;
    e.stopPropagation();
    e.preventDefault(); // no mouse events follow, so the card is not dragged either
  }, []);
  const onClickCapture = useCallback((e: MouseEvent) => {
    const id = shiftPressed.current;
    if (!id) return;
    shiftPressed.current = null;
    e.stopPropagation();
    onSelectionChange(extendSelection(graphRef.current, selectionRef.current, anchor.current, id));
  }, [onSelectionChange]);

  const closeMenu = useCallback(() => setMenu(null), []);
  const onPaneClick = useCallback(() => {
    setMenu(null);
    onSelectionChange(new Set());
  }, [onSelectionChange]);

  // Opened once the cards are measured: the whole journey if it reads at that size, else its start.
  // Rendering only the cards in view, those off screen are never measured: opened once the first are.
  const initialised = useNodesInitialized() || (visibleOnly && measured.size > 0);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (!initialised || opened || !box.current) return;
    setOpened(true);
    fitJourney(flow, box.current.getBoundingClientRect());
  }, [initialised, opened, flow]);

  // Cards grow or shrink by the stats strip when live stats go on or off: refit once they have re-measured.
  const liveBefore = useRef(p.live);
  useEffect(() => {
    if (liveBefore.current === p.live) return;
    liveBefore.current = p.live;
    const timer = setTimeout(() => box.current && fitJourney(flow, box.current.getBoundingClientRect(), 200), 60);
    return () => clearTimeout(timer);
  }, [p.live, flow]);

  return (
    <div ref={box} className="relative h-full w-full" data-testid="canvas" onPointerDownCapture={onPointerDownCapture} onClickCapture={onClickCapture} onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }} onDrop={onDrop}>
      <ReactFlow<JourneyFlowNode>
        nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect} onNodeDragStop={onNodeDragStop} onNodeClick={onNodeClick}
        onNodeContextMenu={p.live ? undefined : onNodeContextMenu} onPaneClick={onPaneClick}
        onMoveStart={closeMenu} isValidConnection={isValidConnection}
        nodesDraggable nodesConnectable={!p.live} deleteKeyCode={null} multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift" selectionMode={SelectionMode.Partial}
        minZoom={0.1} maxZoom={1.75} proOptions={PRO_OPTIONS} onlyRenderVisibleElements={visibleOnly}>
        <Background gap={20} size={1.2} color="#cbd5e1" />
        <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS} />
        <MiniMap pannable zoomable className="!rounded-lg !ring-1 !ring-slate-200" nodeColor="#c4b5fd" style={MINIMAP_STYLE} ariaLabel={t('canvas.overview')} />
      </ReactFlow>
      {menu && <CanvasMenu at={menu} count={p.selection.size} commands={p.commands} onClose={closeMenu} />}
    </div>
  );
}
