// Draws a ChartData with uPlot (~50 KB). Imported only through Chart.tsx's dynamic import, so
// uPlot and its stylesheet arrive with the first chart, never with the app's first screen.
import uPlot, { type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData } from './types';

export interface Plot { resize(width: number): void; destroy(): void }

const AXIS = { stroke: '#64748b', grid: { stroke: '#f1f5f9' }, ticks: { stroke: '#e2e8f0' }, font: '11px system-ui, sans-serif' };
/** Roughly how wide a label of the axis font is, in CSS pixels, per character (plus a gap). */
const CHAR_WIDTH = 6.5;
const LABEL_GAP = 16;

/** Every category when the labels fit side by side, else every n-th (31 days show a few dates, not 31 on top of each other). */
function labelled(categories: string[], width: number): number[] {
  const room = Math.max(...categories.map((c) => c.length), 1) * CHAR_WIDTH + LABEL_GAP;
  const step = Math.max(1, Math.ceil(categories.length / Math.max(1, Math.floor(width / room))));
  return categories.map((_, i) => i).filter((i) => i % step === 0);
}

function options(data: ChartData, width: number, height: number): Options {
  const n = data.categories.length;
  const bars = data.kind === 'bars' ? uPlot.paths.bars!({ size: [0.6 / Math.max(1, data.series.length), 64] }) : undefined;
  return {
    width, height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false, range: [-0.5, n - 0.5] }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
    axes: [
      { ...AXIS, splits: (u) => labelled(data.categories, u.bbox.width / uPlot.pxRatio), values: (_u, splits) => splits.map((i) => data.categories[i] ?? '') },
      { ...AXIS, size: 64, values: (_u, splits) => splits.map((v) => data.formatValue(v)) },
    ],
    series: [
      {},
      ...data.series.map((s) => ({
        label: s.label, stroke: s.color, width: 2,
        ...(bars ? { paths: bars, fill: `${s.color}cc`, points: { show: false } } : { points: { show: n <= 60, size: 5 } }),
      })),
    ],
  };
}

export function drawChart(target: HTMLElement, data: ChartData, width: number, height: number): Plot {
  const plot = new uPlot(options(data, width, height), [data.categories.map((_, i) => i), ...data.series.map((s) => s.values)], target);
  return { resize: (w) => plot.setSize({ width: w, height }), destroy: () => plot.destroy() };
}
