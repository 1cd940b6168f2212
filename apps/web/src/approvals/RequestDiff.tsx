// What a publish request changes from the live version, step by step, in words.
import type { GraphDiff } from '@afterglow/journey-core';
import { useTranslation } from 'react-i18next';
import { typeLabel } from '../journeys/editor/registry';
import { useLocale } from '../ui/locale';
const ARROW = '→';
const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

function Line({ tone, children }: { tone: 'add' | 'remove' | 'change'; children: React.ReactNode }) {
  const colour = { add: 'border-emerald-400 bg-emerald-50', remove: 'border-rose-400 bg-rose-50', change: 'border-amber-400 bg-amber-50' }[tone];
  return <li className={`rounded-r-lg border-l-4 px-3 py-2 text-sm text-slate-800 ${colour}`}>{children}</li>;
}

export function RequestDiff({ diff }: { diff: GraphDiff }) {
  const { t } = useTranslation('approvals');
  const locale = useLocale();
  // A step moved to a new version of its type is named in words; config fields by their key.
  const fieldName = (field: string) => (field === 'typeVersion' ? t('diff.typeVersion') : field);
  if (diff.empty) return <p className="text-sm text-slate-500">{t('diff.empty')}</p>;
  return (
    <ul className="space-y-2" data-testid="request-diff">
      {diff.added.map((n) => <Line key={`a${n.id}`} tone="add"><b>{t('diff.added')}</b> {typeLabel(n.type, locale)} <span className="text-slate-500">({n.id})</span></Line>)}
      {diff.removed.map((n) => <Line key={`r${n.id}`} tone="remove"><b>{t('diff.removed')}</b> {typeLabel(n.type, locale)} <span className="text-slate-500">({n.id})</span></Line>)}
      {diff.changed.map((n) => (
        <Line key={`c${n.id}`} tone="change">
          <b>{t('diff.changed')}</b> {typeLabel(n.type, locale)} <span className="text-slate-500">({n.id})</span>
          <ul className="mt-1 space-y-0.5 text-xs">
            {n.fields.map((f) => (
              <li key={f.field} className="font-mono">
                {fieldName(f.field)}: <span className="text-rose-700 line-through">{show(f.before)}</span> {ARROW} <span className="text-emerald-700">{show(f.after)}</span>
              </li>
            ))}
          </ul>
        </Line>
      ))}
      {(diff.edgesAdded.length > 0 || diff.edgesRemoved.length > 0) && (
        <Line tone="change">
          <b>{t('diff.connections')}</b> {t('diff.connectionCounts', { added: diff.edgesAdded.length, removed: diff.edgesRemoved.length })}
        </Line>
      )}
    </ul>
  );
}
