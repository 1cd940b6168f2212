// A chart's numbers as a table: always there for screen readers, shown to everyone on request.
import type { ChartData } from './types';

export function ChartTable({ data, categoryTitle, visible }: { data: ChartData; categoryTitle: string; visible: boolean }) {
  return (
    <div className={visible ? 'mt-3 max-h-72 overflow-auto' : 'sr-only'}>
      <table className="w-full text-left text-xs">
        <thead className="sticky top-0 bg-white text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">{categoryTitle}</th>
            {data.series.map((s) => <th key={s.label} scope="col" className="py-1 pr-3 text-right font-medium">{s.label}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-700">
          {data.categories.map((category, i) => (
            <tr key={i}>
              <th scope="row" className="py-1 pr-3 font-normal">{category}</th>
              {data.series.map((s) => <td key={s.label} className="py-1 pr-3 text-right tabular-nums">{data.formatValue(s.values[i] ?? 0)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
