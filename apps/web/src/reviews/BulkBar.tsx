// Above the list: select every review shown, and publish or hide the selected ones at once.
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/kit';

export function BulkBar({ count, total, busy, onSelectAll, onStatus }:
  { count: number; total: number; busy: boolean; onSelectAll(on: boolean): void; onStatus(status: 'published' | 'hidden'): void }) {
  const { t } = useTranslation('reviews');
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3 px-4 text-sm text-slate-600" data-testid="bulk-bar">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={count > 0 && count === total} onChange={(e) => onSelectAll(e.target.checked)} className="h-4 w-4 accent-violet-600" />
        {t('bulk.selectAll')}
      </label>
      {count > 0 && (
        <>
          <span className="font-medium text-slate-800">{t('bulk.selected', { count })}</span>
          <Button icon="check" disabled={busy} onClick={() => onStatus('published')}>{t('bulk.publish')}</Button>
          <Button icon="x" disabled={busy} onClick={() => onStatus('hidden')}>{t('bulk.hide')}</Button>
        </>
      )}
    </div>
  );
}
