// A chart with its words: a caption, a legend, the drawing (uPlot, loaded on first use: plot.ts)
// and the same numbers as a table (ChartTable) that screen readers always get and anyone can show.
// The drawing is decoration for assistive technology (aria-hidden); the table is the content.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartTable } from './ChartTable';
import type { Plot } from './plot';
import type { ChartData } from './types';

export type { ChartData, ChartSeries } from './types';

interface ChartProps {
  caption: string;
  /** The table's first column: what the categories are (Tier, Week…). */
  categoryTitle: string;
  data: ChartData;
  height?: number;
}

function usePlot(data: ChartData, height: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const target = ref.current;
    if (!target) return;
    let plot: Plot | undefined;
    let gone = false;
    const observer = new ResizeObserver(() => plot?.resize(target.clientWidth));
    import('./plot').then(({ drawChart }) => {
      if (gone) return;
      plot = drawChart(target, data, target.clientWidth, height);
      observer.observe(target);
    }, () => setFailed(true));
    return () => { gone = true; observer.disconnect(); plot?.destroy(); };
  }, [data, height]);
  return { ref, failed };
}

export function Chart({ caption, categoryTitle, data, height = 220 }: ChartProps) {
  const { t } = useTranslation('charts');
  const [table, setTable] = useState(false);
  const { ref, failed } = usePlot(data, height);
  return (
    <figure className="min-w-0">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-sm font-semibold text-slate-900">{caption}</figcaption>
        <button type="button" onClick={() => setTable((v) => !v)} aria-expanded={table}
          className="rounded-md px-2 py-1 text-xs font-medium text-violet-700 hover:bg-violet-50">
          {table ? t('hideTable') : t('showTable')}
        </button>
      </div>
      {data.series.length > 1 && (
        <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden="true">
          {data.series.map((s) => (
            <li key={s.label} className="flex items-center gap-1.5"><span className="h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />{s.label}</li>
          ))}
        </ul>
      )}
      {failed
        ? <p className="text-xs text-slate-500">{t('failed')}</p>
        : <div ref={ref} aria-hidden="true" data-testid="chart-plot" style={{ minHeight: height }} className={table ? 'hidden' : ''} />}
      <ChartTable data={data} categoryTitle={categoryTitle} visible={table || failed} />
    </figure>
  );
}
