// "Download all as CSV" for a paged list: a plain link to the server's streamed export
// (GET /exports/<list>.csv, signed in by the session cookie), with the list's filters, so the
// file holds every row, not only the pages loaded on screen.
import { useTranslation } from 'react-i18next';
import { Icon } from '../icons';

export function DownloadCsvLink({ list, filters }: { list: 'step-customers' | 'customer-journeys'; filters: Record<string, string | undefined> }) {
  const { t } = useTranslation('kit');
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  return (
    <a href={`/exports/${list}.csv?${query}`} download data-testid={`csv-${list}`}
      className="inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-md px-2 py-1 text-xs font-medium text-violet-700 hover:bg-violet-50">
      <Icon name="download" />{t('csv.downloadAll')}
    </a>
  );
}
