// The path of a way back (a loop branch leading up to an earlier step): down out of the step, out
// to a lane left of both cards, up past every card between them, and down into the target from
// above, so it never runs behind a card the way a plain smooth-step path would.
import { CARD_WIDTH } from './geometry';

const CLEAR = 28;
const RADIUS = 12;

type Point = { x: number; y: number };

/** Straight segments through `points` with rounded corners, as SVG path data. */
function rounded(points: Point[]): string {
  let d = `M ${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(RADIUS, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const towards = (p: Point, q: Point) => {
      const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      return { x: p.x + ((q.x - p.x) / len) * r, y: p.y + ((q.y - p.y) / len) * r };
    };
    const [before, after] = [towards(b, a), towards(b, c)];
    d += ` L ${before.x} ${before.y} Q ${b.x} ${b.y} ${after.x} ${after.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L ${last.x} ${last.y}`;
}

/** [path, label x, label y] of a way back from a source handle below to a target handle above it. */
export function loopBackPath(source: Point, target: Point): [string, number, number] {
  // Handles sit anywhere along a card's edge: half a card left of the leftmost clears both cards.
  const lane = Math.min(source.x, target.x) - CARD_WIDTH / 2 - CLEAR * 2;
  const points = [
    source, { x: source.x, y: source.y + CLEAR }, { x: lane, y: source.y + CLEAR },
    { x: lane, y: target.y - CLEAR }, { x: target.x, y: target.y - CLEAR }, target,
  ];
  return [rounded(points), lane, (source.y + target.y) / 2];
}
