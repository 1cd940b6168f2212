// A connection that shows a remove button while selected (also removable with Delete). A way back
// (a step's declared loop branch, Go to's "Again") is dashed and labelled, so a cycle on the canvas
// reads as the bounded loop it is, not as a tangle.
import { useTranslation } from 'react-i18next';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { loopBackPath } from './loopPath';

const LOOP_STYLE = { stroke: '#7c3aed', strokeWidth: 2, strokeDasharray: '6 4' };

export function DeletableEdge(props: EdgeProps & { data?: { onRemove?(id: string): void; loop?: boolean } }) {
  const { t } = useTranslation(['editor', 'goto']);
  const loop = props.data?.loop === true;
  // A way back up the canvas goes round the cards on their left; any other connection steps straight down.
  const [path, labelX, labelY] = loop && props.targetY < props.sourceY
    ? loopBackPath({ x: props.sourceX, y: props.sourceY }, { x: props.targetX, y: props.targetY })
    : getSmoothStepPath({ ...props, borderRadius: 14 });
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} style={loop ? { ...props.style, ...LOOP_STYLE } : props.style} />
      {(loop || (props.selected && props.data?.onRemove)) && (
        <EdgeLabelRenderer>
          <div className="nodrag nopan absolute flex items-center gap-1"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, pointerEvents: 'all' }}>
            {loop && (
              <span className="rounded-full bg-violet-50 px-2 py-0.5 text-[11px] font-medium text-violet-700 ring-1 ring-violet-200" data-testid={`loop-edge-${props.id}`}>
                {t('goto:edge.loop')}
              </span>
            )}
            {props.selected && props.data?.onRemove && (
              <button type="button" aria-label={t('edge.removeLabel')} onClick={() => props.data?.onRemove?.(props.id)}
                className="rounded-full bg-white px-2 py-0.5 text-xs font-medium text-rose-600 shadow ring-1 ring-rose-200 hover:bg-rose-50">
                {t('edge.remove')}
              </button>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
