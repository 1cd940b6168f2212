// The canvas graph as stored in journeys.draft and validated at every boundary.
import { z } from 'zod';

export const nodeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Node ids are 1–64 letters, digits, _ or -');

export const graphNodeSchema = z.object({
  id: nodeIdSchema,
  type: z.string().min(1).max(100),
  /**
   * The version of the node type the config is written for. Absent means 1: every draft stored
   * before versions were recorded was written when all node types were at version 1.
   */
  typeVersion: z.number().int().min(1).max(10_000).optional(),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
  /** The marketer's own name for the step ("Reminder 2"): how cards, the checklist and reports name it. */
  label: z.string().trim().max(80, 'A step name has at most 80 characters').optional(),
  config: z.record(z.string(), z.unknown()),
});

export const graphEdgeSchema = z.object({
  id: z.string().min(1).max(200),
  source: nodeIdSchema,
  /** The branch id of the source node (React Flow's sourceHandle). */
  sourceHandle: z.string().min(1).max(64),
  target: nodeIdSchema,
});

/**
 * What the next publish does with customers waiting at a step the draft no longer has: move them
 * to step `to` of the new version, or (`to` null) let them exit. A removed step with no choice
 * keeps its customers on the version they are walking (docs/engine.md#removed-steps).
 */
export const waitingMoveSchema = z.object({ from: nodeIdSchema, to: nodeIdSchema.nullable() });

export const journeyGraphSchema = z.object({
  nodes: z.array(graphNodeSchema).max(500, 'A journey has at most 500 nodes'),
  edges: z.array(graphEdgeSchema).max(2000),
  waitingMoves: z.array(waitingMoveSchema).max(500).optional(),
});

export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type JourneyGraph = z.infer<typeof journeyGraphSchema>;
export type WaitingMove = z.infer<typeof waitingMoveSchema>;

export const emptyGraph = (): JourneyGraph => ({ nodes: [], edges: [] });
