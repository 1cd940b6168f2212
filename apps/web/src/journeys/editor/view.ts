// The view a journey opens on: the whole journey when it fits readably, else its top (where it
// starts) at the smallest readable zoom. The padding keeps cards clear of the controls (bottom
// left) and the minimap (bottom right).
import type { ReactFlowInstance } from '@xyflow/react';
import type { JourneyFlowNode } from './NodeCard';

/** Below this cards' text cannot be read; a larger journey opens on its top instead. */
const READABLE_ZOOM = 0.45;
export const FIT_PADDING = { top: '32px', right: '40px', bottom: '120px', left: '64px' } as const;
const PX = { top: 32, right: 40, bottom: 120, left: 64 };

export function fitJourney(flow: ReactFlowInstance<JourneyFlowNode>, container: { width: number; height: number }, duration = 0): void {
  const nodes = flow.getNodes();
  if (nodes.length === 0) return;
  const bounds = flow.getNodesBounds(nodes);
  const room = { width: container.width - PX.left - PX.right, height: container.height - PX.top - PX.bottom };
  const fit = Math.min(room.width / bounds.width, room.height / bounds.height, 1);
  if (fit >= READABLE_ZOOM) {
    void flow.fitView({ padding: FIT_PADDING, maxZoom: 1, duration });
    return;
  }
  // Too big to read whole: its top, centred across when it is narrower than the view.
  const zoom = Math.max(READABLE_ZOOM, Math.min(0.8, room.width / bounds.width));
  const x = PX.left + Math.max(0, (room.width - bounds.width * zoom) / 2) - bounds.x * zoom;
  void flow.setViewport({ x, y: PX.top - bounds.y * zoom, zoom }, { duration });
}
