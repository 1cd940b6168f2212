// A big journey renders only the cards in view (React Flow's onlyRenderVisibleElements): mounting,
// measuring and laying out hundreds of cards at once made a 300-step journey take seconds to open.
// React Flow renders every card it has no handle positions for, to measure it; a card never shown
// yet is therefore given a typical card's size and its handles where the card draws them, so its
// wires and its minimap box have ends until it scrolls into view and is measured for real.
import type { GraphNode } from '@afterglow/journey-core';
import { branchesOf, type NodeTypeDefinition } from '@afterglow/node-sdk';
import { Position, type Node } from '@xyflow/react';
import { CARD_WIDTH, DEFAULT_HEIGHT } from './geometry';

/** From this many steps the canvas renders only the cards in view (smaller journeys render all, as ever). */
export const VISIBLE_ONLY_FROM = 80;
/** The handle's size (styles.css) and the branch row's side padding (NodeCard). */
const HANDLE = 12;
const BRANCH_PADDING = 8;

type NodeHandle = NonNullable<Node['handles']>[number];

/** The handles of a card not yet measured: its input centred on top, its branches spread along the bottom as NodeCard places them. */
export function estimatedHandles(node: GraphNode, def: NodeTypeDefinition | undefined): NodeHandle[] {
  const input: NodeHandle[] = def?.category === 'trigger' ? []
    : [{ id: 'in', type: 'target', position: Position.Top, x: CARD_WIDTH / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE }];
  const branches = def ? branchesOf(def, node.config) : [];
  return [...input, ...branches.map((b, i): NodeHandle => ({
    id: b.id, type: 'source', position: Position.Bottom, width: HANDLE, height: HANDLE,
    x: BRANCH_PADDING + (CARD_WIDTH - 2 * BRANCH_PADDING) * ((i + 0.5) / branches.length) - HANDLE / 2, y: DEFAULT_HEIGHT - HANDLE / 2,
  }))];
}

export const ESTIMATED_SIZE = { initialWidth: CARD_WIDTH, initialHeight: DEFAULT_HEIGHT };
