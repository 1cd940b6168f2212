// A connection that shows a remove button while selected (also removable with Delete).
import { useTranslation } from 'react-i18next';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';

export function DeletableEdge(props: EdgeProps & { data?: { onRemove?(id: string): void } }) {
  const { t } = useTranslation('editor');
  const [path, labelX, labelY] = getSmoothStepPath({ ...props, borderRadius: 14 });
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} />
      {props.selected && props.data?.onRemove && (
        <EdgeLabelRenderer>
          <button type="button" aria-label={t('edge.removeLabel')} onClick={() => props.data?.onRemove?.(props.id)}
            className="nodrag nopan absolute rounded-full bg-white px-2 py-0.5 text-xs font-medium text-rose-600 shadow ring-1 ring-rose-200 hover:bg-rose-50"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, pointerEvents: 'all' }}>
            {t('edge.remove')}
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
