// The "Download CSV" control every table offers: builds the CSV when clicked (csv.ts) and saves it
// as a file. A byte-order mark leads the file so spreadsheet programs read it as UTF-8 (Cyrillic
// names and words stay readable).
import { useTranslation } from 'react-i18next';
import { Icon } from '../icons';
import { toCsv, type CsvCell } from '@afterglow/i18n/csv';

export interface CsvTable { header: string[]; rows: CsvCell[][] }

function save(filename: string, table: CsvTable) {
  const blob = new Blob(['\uFEFF', toCsv(table.header, table.rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${filename}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `table` is called on click, so a page builds no CSV nobody asks for. */
export function DownloadCsv({ filename, table, label }: { filename: string; table: () => CsvTable; label?: string }) {
  const { t } = useTranslation('kit');
  return (
    <button type="button" onClick={() => save(filename, table())} data-testid={`csv-${filename}`}
      className="inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-md px-2 py-1 text-xs font-medium text-violet-700 hover:bg-violet-50">
      <Icon name="download" />{label ?? t('csv.download')}
    </button>
  );
}
