// A dashboard card: a title, its CSV download, and what it shows.
import type { ReactNode } from 'react';
import { DownloadCsv, type CsvTable } from '../ui/csv/DownloadCsv';
import { Card } from '../ui/kit';

export function Section({ title, note, csv, children, testId }:
  { title: string; note?: string; csv?: { filename: string; table: () => CsvTable }; children: ReactNode; testId?: string }) {
  return (
    <Card className="p-4">
      <div className="mb-2 flex items-start justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          {note && <p className="text-xs text-slate-500">{note}</p>}
        </div>
        {csv && <DownloadCsv filename={csv.filename} table={csv.table} />}
      </div>
      <div data-testid={testId}>{children}</div>
    </Card>
  );
}

/** Label and value rows: the email, coupon and points cards. */
export function FigureList({ rows }: { rows: { key: string; label: string; value: string }[] }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {rows.map((r) => (
        <div key={r.key} className="flex justify-between py-1.5">
          <dt className="text-slate-600">{r.label}</dt>
          <dd className="font-medium tabular-nums text-slate-900" data-testid={`figure-${r.key}`}>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
