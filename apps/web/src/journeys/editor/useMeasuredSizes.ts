import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { Size, Sizes } from './geometry';
import type { JourneyFlowNode } from './NodeCard';

/** The card sizes React Flow has measured, read when needed (placing a step, pasting, tidying). */
export function useMeasuredSizes(): () => Sizes {
  const flow = useReactFlow<JourneyFlowNode>();
  return useCallback(() => new Map(flow.getNodes().flatMap((n): [string, Size][] =>
    (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }]] : []))), [flow]);
}
