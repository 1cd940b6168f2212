// Which published versions the report shows: every version together (the default), one alone,
// or two side by side (the charts draw a line per version, the figures a column each). Asked of
// journeys.report as `versions`, oldest first.
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../ui/kit';

interface Version { id: string; version: number }

export function VersionPicker({ versions, value, onChange }: { versions: Version[]; value: string[]; onChange(ids: string[]): void }) {
  const { t } = useTranslation('journey-report');
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const [first = '', second = ''] = [...value].sort((a, b) => numberOf(versions, b) - numberOf(versions, a));
  const pick = (ids: string[]) => onChange(ids.filter(Boolean).sort((a, b) => numberOf(versions, a) - numberOf(versions, b)));
  const name = (v: Version) => t('versions.version', { version: v.version });
  return (
    <div className="flex items-end gap-3">
      <label className="text-xs font-medium text-slate-500">{t('versions.label')}
        <select className={`${inputClass} mt-1 w-48`} value={first} data-testid="report-version"
          // A version picked first is shown beside the one before it, the usual question.
          onChange={(e) => pick(e.target.value ? [e.target.value, previousOf(newestFirst, e.target.value)] : [])}>
          <option value="">{t('versions.all')}</option>
          {newestFirst.map((v) => <option key={v.id} value={v.id}>{name(v)}</option>)}
        </select>
      </label>
      {first && (
        <label className="text-xs font-medium text-slate-500">{t('versions.beside')}
          <select className={`${inputClass} mt-1 w-48`} value={second} data-testid="report-version-beside" onChange={(e) => pick([first, e.target.value])}>
            <option value="">{t('versions.alone')}</option>
            {newestFirst.filter((v) => v.id !== first).map((v) => <option key={v.id} value={v.id}>{name(v)}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}

const numberOf = (versions: Version[], id: string) => versions.find((v) => v.id === id)?.version ?? 0;

/** The version published just before `id`, or '' when it is the first. */
const previousOf = (newestFirst: Version[], id: string) => newestFirst[newestFirst.findIndex((v) => v.id === id) + 1]?.id ?? '';
