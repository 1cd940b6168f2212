// The one card component for every node type: colour, icon, label, summary and branch
// handles all come from the type's definition object.
import { branchesOf, localizeNode, summaryOf, type CounterSpec } from '@afterglow/node-sdk';
import { definitionOf, type GraphIssue, type NodeStats } from '@afterglow/journey-core';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { formatNumber, type Locale } from '@afterglow/i18n';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { toneOf } from '../../ui/colors';
import { Icon } from '../../ui/icons';
import { useLocale } from '../../ui/locale';
import { CARD_WIDTH } from './geometry';
import { useIssueText } from './issueText';
import { registry } from './registry';
import { useSummaryNames } from './stepNames';

export type JourneyNodeData = {
  typeId: string;
  /** The version its config was written for (absent: 1); a step not yet migrated shows as that version. */
  typeVersion?: number;
  config: Record<string, unknown>;
  /** The names of the steps its connected branches lead to (a Go to card says where it leads back). */
  /** The name of the step each connected branch leads to (for a card saying "Back to …"). */
  targets: Readonly<Record<string, string>>;
  /** The marketer's name for the step, shown instead of the type's label. */
  label?: string;
  issues: GraphIssue[];
  /** Present in live-stats mode. */
  stats: NodeStats | null;
  live: boolean;
  /** The stats are a simulation's: the strip says so, in its own colour. */
  simulated: boolean;
  /** Problems the preview check finds in the email the step sends (merge fields, Liquid); 0: none or not an email. */
  emailProblems: number;
};
export type JourneyFlowNode = Node<JourneyNodeData, 'journey'>;

/** The branch row's side padding (px-2), so each handle sits under its branch's column. */
const BRANCH_PADDING = 8;

function JourneyNodeCardImpl({ id, data, selected }: NodeProps<JourneyFlowNode>) {
  const locale = useLocale();
  const { t } = useTranslation('editor');
  const issueText = useIssueText();
  const names = useSummaryNames();
  const def = definitionOf(registry, { type: data.typeId, typeVersion: data.typeVersion }) ?? registry.get(data.typeId);
  if (!def) return <UnknownCard id={id} typeId={data.typeId} selected={selected} />;
  const tone = toneOf(def.ui.color);
  const text = localizeNode(def, locale);
  const branches = branchesOf(def, data.config).map((b) => ({ ...b, label: text.branch(b.id, b.label) }));
  const summary = summaryOf(def, data.config, locale, { ...names, branch: (branchId) => data.targets[branchId] });
  const issue = data.issues[0];
  const s = data.stats;
  return (
    <div data-testid={`node-${id}`} data-node-type={def.id}
      className={`group relative rounded-xl bg-white transition ${selected ? 'shadow-md ring-2 ring-violet-500' : issue ? 'shadow-sm ring-1 ring-rose-300' : 'shadow-sm ring-1 ring-slate-200 hover:ring-slate-300'}`}
      style={{ width: CARD_WIDTH }}>
      {def.category !== 'trigger' && <Handle type="target" position={Position.Top} id="in" />}
      <div className={`h-1 rounded-t-xl ${tone.bar}`} />
      <div className="flex items-start gap-3 px-3.5 pb-3 pt-2.5">
        <div className={`mt-0.5 rounded-lg p-1.5 ${tone.icon}`}><Icon name={def.ui.icon} /></div>
        <div className="min-w-0 flex-1">
          <div className={`text-[11px] font-semibold uppercase tracking-wide ${tone.text}`}>{t(`category.${def.category}`)}</div>
          <div className="flex items-center gap-1.5">
            <div className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900" title={data.label ? text.label : undefined}>{data.label ?? text.label}</div>
            {data.emailProblems > 0 && !data.live && (
              <span className="inline-flex shrink-0 items-center gap-0.5 rounded-full bg-amber-50 px-1.5 py-px text-[11px] font-semibold tabular-nums text-amber-800 ring-1 ring-amber-300"
                title={t('card.emailProblems', { count: data.emailProblems })} aria-label={t('card.emailProblems', { count: data.emailProblems })} data-testid={`node-email-problems-${id}`}>
                <Icon name="alert" className="h-3 w-3" />{formatNumber(locale, data.emailProblems)}
              </span>
            )}
          </div>
          {/* Three lines hold a split's arms and shares in Russian or Serbian; the whole line in the tooltip. */}
          <div className="mt-0.5 line-clamp-3 text-xs text-slate-500" title={summary} data-testid={`node-summary-${id}`}>{summary}</div>
        </div>
      </div>
      {issue && !data.live && (
        <div className="flex items-start gap-1.5 border-t border-rose-100 bg-rose-50 px-3.5 py-2 text-xs text-rose-700" data-testid={`node-issue-${id}`}>
          <Icon name="alert" className="mt-px h-3.5 w-3.5 shrink-0" />
          <span className="line-clamp-2">{issueText(issue)}</span>
        </div>
      )}
      {issue && !data.live && (
        <span className="absolute -right-2 -top-2 flex h-5 min-w-5 items-center justify-center rounded-full bg-rose-600 px-1 text-[11px] font-bold text-white shadow"
          aria-label={t('card.problems', { count: data.issues.length })} data-testid={`node-badge-${id}`}>
          {formatNumber(locale, data.issues.length)}
        </span>
      )}
      {data.live && <StatsStrip id={id} locale={locale} stats={s} counters={data.simulated ? [] : (def.counters ?? []).map((c) => ({ ...c, label: text.counter(c) }))} holdsRuns={def.category === 'wait'} simulated={data.simulated} />}
      {branches.length > 0 && (
        // One column per branch, its handle under the column's middle. A name the marketer gave (an
        // A/B arm, a rule) wraps onto a second line, then is cut (whole in the tooltip); in live
        // stats the count goes under it, so a long name never hides it.
        <div className="grid items-start border-t border-slate-100 px-2 pb-1.5 pt-1" style={{ gridTemplateColumns: `repeat(${branches.length}, minmax(0, 1fr))` }}>
          {branches.map((b) => (
            <span key={b.id} className="flex min-w-0 flex-col items-center px-0.5 text-center text-[11px] font-medium leading-tight text-slate-500" title={b.label} data-testid={`branch-${id}-${b.id}`}>
              <span className="line-clamp-2 max-w-full break-words">{b.label}</span>
              {data.live && <b className={`tabular-nums ${data.simulated ? 'text-amber-800' : 'text-slate-800'}`}>{formatNumber(locale, s?.branches[b.id] ?? 0)}</b>}
            </span>
          ))}
        </div>
      )}
      {branches.map((b, i) => (
        <Handle key={b.id} type="source" position={Position.Bottom} id={b.id} title={b.label}
          style={{ left: `calc(${BRANCH_PADDING}px + (100% - ${2 * BRANCH_PADDING}px) * ${(i + 0.5) / branches.length})` }} data-testid={`handle-${id}-${b.id}`} />
      ))}
    </div>
  );
}

function StatsStrip({ id, locale, stats, counters, holdsRuns, simulated }: {
  id: string; locale: Locale; stats: NodeStats | null; counters: readonly CounterSpec[]; holdsRuns: boolean; simulated: boolean;
}) {
  const { t, i18n } = useTranslation('editor');
  // The engine's own counters (entered, waiting, held, capped, held_out, failed) are worded here; a type's, by the type.
  const engineCounter = (counter: string) => (i18n.exists(`stat.${counter}`, { ns: 'editor' }) ? t(`stat.${counter}`) : counter);
  const [entered, waiting, failed] = ['entered', 'waiting', 'failed'].map(engineCounter);
  const cell = (label: string, value: number, testId: string) => (
    <div className="flex flex-col items-center">
      <span className="text-sm font-semibold tabular-nums text-slate-900" data-testid={testId}>{formatNumber(locale, value)}</span>
      <span className="text-[10px] uppercase tracking-wide text-slate-500">{label}</span>
    </div>
  );
  return (
    // Cells wrap onto a second row when a node type has many counters (an email: sent, opens,
    // clicks, bounces, unsubscribes) instead of squeezing their labels into each other.
    <div className={`grid grid-cols-[repeat(auto-fit,minmax(76px,1fr))] gap-x-1 gap-y-1.5 border-t px-2 py-1.5 ${simulated ? 'border-amber-200 bg-amber-50/70' : 'border-violet-100 bg-violet-50/60'}`}
      data-testid={`node-stats-${id}`} data-simulated={simulated || undefined} title={simulated ? t('simulation:card.simulated') : undefined}>
      {simulated && <span className="col-span-full text-center text-[10px] font-semibold uppercase tracking-wide text-amber-700">{t('simulation:card.simulated')}</span>}
      {cell(entered, stats?.entered ?? 0, `stat-${id}-entered`)}
      {(holdsRuns || (stats?.waiting ?? 0) > 0) && cell(waiting, stats?.waiting ?? 0, `stat-${id}-waiting`)}
      {counters.map((c) => <div key={c.id}>{cell(c.label, stats?.counters[c.id] ?? 0, `stat-${id}-${c.id}`)}</div>)}
      {/* Counters a type does not declare (held, capped) show only when something happened. */}
      {Object.entries(stats?.counters ?? {}).filter(([c, n]) => !counters.some((d) => d.id === c) && n > 0)
        .map(([c, n]) => <div key={c}>{cell(engineCounter(c), n, `stat-${id}-${c}`)}</div>)}
      {(stats?.failed ?? 0) > 0 && cell(failed, stats!.failed, `stat-${id}-failed`)}
    </div>
  );
}

function UnknownCard({ id, typeId, selected }: { id: string; typeId: string; selected: boolean }) {
  const { t } = useTranslation('editor');
  return (
    <div data-testid={`node-${id}`} style={{ width: CARD_WIDTH }}
      className={`rounded-xl border border-dashed border-slate-400 bg-slate-50 p-3 text-xs text-slate-600 ${selected ? 'ring-2 ring-violet-500' : ''}`}>
      <Handle type="target" position={Position.Top} id="in" />
      <div className="font-semibold">{t('card.unknownTitle')}</div>
      <div>{t('card.unknownBody', { type: typeId })}</div>
    </div>
  );
}

export const JourneyNodeCard = memo(JourneyNodeCardImpl);
