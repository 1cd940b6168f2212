// What changed from one published version to another, in words: steps added and removed by
// their names, changed steps with each changed setting (before → after), connections, and the
// journey's own settings (re-entry, goal).
import type { JourneyGraph } from '@afterglow/journey-core';
import { useTranslation } from 'react-i18next';
import type { Api, inferOutput } from '../../trpc';
import { useLocale } from '../../ui/locale';
import { stepName, useSummaryNames } from '../editor/stepNames';
import { fieldLabel, valueWords } from './diffWords';

type Diff = inferOutput<Api['journeys']['diffVersions']>;
const ARROW = '→';

function Line({ tone, children }: { tone: 'add' | 'remove' | 'change'; children: React.ReactNode }) {
  const colour = { add: 'border-emerald-400 bg-emerald-50', remove: 'border-rose-400 bg-rose-50', change: 'border-amber-400 bg-amber-50' }[tone];
  return <li className={`rounded-r-lg border-l-4 px-3 py-2 text-sm text-slate-800 ${colour}`}>{children}</li>;
}

export function VersionDiff({ diff }: { diff: Diff }) {
  const { t } = useTranslation('versions');
  const locale = useLocale();
  const names = useSummaryNames();
  const name = (graph: JourneyGraph, id: string) => stepName(graph, id, locale, names) ?? id;
  const nodeOf = (graph: JourneyGraph, id: string) => graph.nodes.find((n) => n.id === id);
  const yesNo = (v: boolean) => t(v ? 'value.yes' : 'value.no');
  if (diff.empty) return <p className="text-sm text-slate-500" data-testid="version-diff">{t('diff.empty')}</p>;
  return (
    <ul className="space-y-2" data-testid="version-diff">
      {diff.added.map((n) => <Line key={`a${n.id}`} tone="add"><b>{t('diff.added')}</b> {name(diff.after, n.id)}</Line>)}
      {diff.removed.map((n) => <Line key={`r${n.id}`} tone="remove"><b>{t('diff.removed')}</b> {name(diff.before, n.id)}</Line>)}
      {diff.changed.map((n) => {
        const [before, after] = [nodeOf(diff.before, n.id), nodeOf(diff.after, n.id)];
        return (
          <Line key={`c${n.id}`} tone="change">
            <b>{t('diff.changed')}</b> {name(diff.after, n.id)}
            <ul className="mt-1 space-y-0.5 text-xs">
              {n.typeChanged && <li>{t('diff.typeChanged')}</li>}
              {n.fields.map((f) => (
                <li key={f.field}>
                  <span className="font-medium">{f.field === 'typeVersion' ? t('diff.typeVersion') : fieldLabel(after, f.field, locale)}</span>{': '}
                  <span className="text-rose-700 line-through">{valueWords(before, f.field, f.before, locale, names, yesNo)}</span> {ARROW}{' '}
                  <span className="text-emerald-700">{valueWords(after, f.field, f.after, locale, names, yesNo)}</span>
                </li>
              ))}
            </ul>
          </Line>
        );
      })}
      {(diff.edgesAdded.length > 0 || diff.edgesRemoved.length > 0) && (
        <Line tone="change">
          <b>{t('diff.connections')}</b> {t('diff.connectionCounts', { added: diff.edgesAdded.length, removed: diff.edgesRemoved.length })}
        </Line>
      )}
      {diff.settings.map((s) => (
        <Line key={`s${s.field}`} tone="change"><b>{t('diff.settings')}</b> {t(`setting.${s.field}`, { defaultValue: s.field })}</Line>
      ))}
    </ul>
  );
}
