// Where steps sit on the canvas: card boxes, overlap tests and a free spot for a new step or a
// pasted selection, so nothing lands on another card.
import type { JourneyGraph } from '@afterglow/journey-core';

export const CARD_WIDTH = 264;
/** A card not yet measured (just added, or off screen): a typical card's height. */
export const DEFAULT_HEIGHT = 130;
/** The space kept between cards. */
export const GAP = 48;

export type Position = { x: number; y: number };
export type Size = { width: number; height: number };
export type Box = Position & Size;
/** Measured card sizes by step id; missing ones count as a typical card. */
export type Sizes = ReadonlyMap<string, Size>;

export const sizeOf = (sizes: Sizes, id: string): Size => sizes.get(id) ?? { width: CARD_WIDTH, height: DEFAULT_HEIGHT };

export function boxesOf(graph: JourneyGraph, sizes: Sizes, except: ReadonlySet<string> = new Set()): Box[] {
  return graph.nodes.filter((n) => !except.has(n.id)).map((n) => ({ ...n.position, ...sizeOf(sizes, n.id) }));
}

/** True when the boxes come closer than `gap` (0: when they overlap at all). */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** The bounding box of some boxes (undefined for none). */
export function boundsOf(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

const ROW_STEP = 24;
const MAX_ROWS = 400;

/**
 * The top-left corner nearest below or beside `wanted` where a box of `size` keeps `GAP` from
 * every box in `taken`: first straight down from the wanted spot, then one column to either side.
 */
export function freeSpot(taken: readonly Box[], wanted: Position, size: Size): Position {
  const column = size.width + GAP;
  for (let row = 0; row < MAX_ROWS; row++) {
    for (const shift of [0, column, -column, 2 * column, -2 * column]) {
      const box = { x: wanted.x + shift, y: wanted.y + row * ROW_STEP, ...size };
      if (!taken.some((b) => overlaps(box, b, GAP / 2))) return { x: Math.round(box.x), y: Math.round(box.y) };
    }
  }
  const all = boundsOf(taken)!;
  return { x: Math.round(wanted.x), y: Math.round(all.y + all.height + GAP) };
}

/** Where a step added next to `anchor` goes: under it (its first free spot), or at the origin on an empty canvas. */
export function spotBelow(graph: JourneyGraph, sizes: Sizes, anchorId: string | null): Position {
  const anchor = graph.nodes.find((n) => n.id === anchorId) ?? graph.nodes.at(-1);
  if (!anchor) return { x: 0, y: 0 };
  const wanted = { x: anchor.position.x, y: anchor.position.y + sizeOf(sizes, anchor.id).height + GAP };
  return freeSpot(boxesOf(graph, sizes), wanted, sizeOf(sizes, ''));
}
