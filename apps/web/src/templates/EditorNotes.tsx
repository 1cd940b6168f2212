// The notes around the template editor: which journeys send the template (and keep the version
// they were published with), and the problems the check found, each with its field and line.
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { Icon } from '../ui/icons';
import { Badge } from '../ui/kit';

export interface Use { journeyId: string; name: string; status: string }
export interface Issue { field: string; message: string }

/** Saving makes a new version; journeys keep the one they were published with. */
export function UsedBy({ uses }: { uses: Use[] }) {
  const { t } = useTranslation('templates');
  return (
    <div className="flex flex-wrap items-center gap-1 border-b border-violet-100 bg-violet-50/70 px-6 py-1.5 text-xs text-violet-900" data-testid="template-used-by">
      <span>{t('usedBy.sentBy')}</span>
      {uses.map((u, i) => (
        <span key={u.journeyId}>
          <Link to={`/journeys/${u.journeyId}`} className="font-semibold underline decoration-violet-300 hover:text-violet-700">{u.name}</Link>
          {u.status !== 'live' && <span className="text-violet-500"> ({t(`status.${u.status}`, { defaultValue: u.status })})</span>}{i < uses.length - 1 ? ',' : ''}
        </span>
      ))}
      <span className="text-violet-700">{t('usedBy.keep')}</span>
    </div>
  );
}

export function IssueList({ issues, refused, saveError }: { issues: Issue[]; refused: boolean; saveError?: string }) {
  const { t } = useTranslation('templates');
  if (issues.length === 0 && !saveError) {
    return <div className="flex items-center gap-1.5 border-t border-slate-200 px-4 py-2 text-xs text-emerald-700"><Icon name="check" /> {t('issues.none')}</div>;
  }
  return (
    <div className="max-h-40 overflow-auto border-t border-rose-200 bg-rose-50/60 px-4 py-2" role="alert" data-testid="template-issues">
      <div className="mb-1 flex items-center gap-2 text-xs font-semibold text-rose-700">
        <Icon name="alert" /> {refused ? t('issues.refused') : t('issues.count', { count: issues.length })}
        {refused && <Badge tone="error">{t('issues.refusedBadge')}</Badge>}
      </div>
      {saveError && <p className="text-xs text-rose-700">{saveError}</p>}
      <ul className="space-y-0.5">
        {issues.map((i) => <li key={`${i.field}:${i.message}`} className="font-mono text-xs text-rose-800">{i.field}: {i.message}</li>)}
      </ul>
    </div>
  );
}
