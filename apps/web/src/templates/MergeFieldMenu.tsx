// The editor's "Insert merge field" menu: the fields a template can read, grouped, with labels in
// the user's language; choosing one inserts its Liquid at the cursor.
import { useTranslation } from 'react-i18next';
import { MERGE_FIELDS } from './mergeFields';

export function MergeFieldMenu({ onInsert }: { onInsert(snippet: string): void }) {
  const { t } = useTranslation('templates');
  return (
    <select aria-label={t('merge.insert')} data-keeps-typing value="" className="rounded-md bg-white px-2 py-1 text-xs text-slate-700 ring-1 ring-slate-200"
      onChange={(e) => { if (e.target.value) onInsert(e.target.value); }}>
      <option value="">{t('merge.insertPlaceholder')}</option>
      {MERGE_FIELDS.map((g) => (
        <optgroup key={g.key} label={t(`merge.group.${g.key}`)}>
          {g.fields.map((f) => <option key={f.key} value={f.snippet}>{t(`merge.field.${f.key}`)}</option>)}
        </optgroup>
      ))}
    </select>
  );
}
