// The journey editor: palette | canvas | config panel, with undo/redo, autosave (over the
// draft it opened only: DraftConflictBanner), publishing and the live-stats overlay. Steps the
// server migrated to a new version of their node type arrive as one edit on top of the stored
// draft, so they autosave and undo like any.
import { formatNumber } from '@afterglow/i18n';
import { definitionOf, journeyGraphSchema, validateGraph, type JourneyGraph, type JourneyStats } from '@afterglow/journey-core';
import type { NodeTypeDefinition, SummaryNames } from '@afterglow/node-sdk';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { useTRPC, type Api, type inferOutput } from '../../trpc';
import { ErrorNote, Spinner } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { Canvas } from './Canvas';
import { ConfigPanel, JourneyChecklist } from './ConfigPanel';
import { FailedRunsCard } from './FailedRunsCard';
import { JourneySettingsCard } from './JourneySettingsCard';
import { boxesOf, CARD_WIDTH, freeSpot, sizeOf, spotBelow, type Position } from './geometry';
import { addNode, removeNodes, setConfig, setLabel } from './graphOps';
import { historyReducer, initialHistory } from './history';
import { MigrationNotice } from './MigrationNotice';
import { Palette } from './Palette';
import { PublishNotice, type PublishOutcome } from './PublishNotice';
import { inStepWords } from './issueText';
import { registry, triggerEventsOf } from './registry';
import { deletedReferences, stepName, SummaryNamesProvider, useWorkspaceNames } from './stepNames';
import { EditorToolbar } from './EditorToolbar';
import { useAutosave } from './useAutosave';
import { DraftConflictBanner, isDraftConflict } from './DraftConflictBanner';
import { useUndoShortcuts } from './useUndoShortcuts';
import { useCanvasShortcuts } from './shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useCanvasCommands } from './useCanvasCommands';
import { useMeasuredSizes } from './useMeasuredSizes';
import { SimulatedBanner } from '../simulation/SimulatedBanner';
import { useWaitingGuard } from './useWaitingGuard';
import { useEmailChecks } from './useEmailChecks';

type Journey = inferOutput<Api['journeys']['get']>;

export function JourneyEditorPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const { t } = useTranslation('editor');
  const journey = useQuery({ ...trpc.journeys.get.queryOptions({ id }), staleTime: Infinity });
  // The names cards show (useWorkspaceNames), loaded with the journey: every card then renders once
  // with them, instead of once without and again as each list arrives (seconds at 300 steps). A
  // list that fails opens the editor without its names, as before.
  const names = [useQuery(trpc.templates.list.queryOptions()), useQuery(trpc.segments.list.queryOptions())];
  if (journey.isPending || names.some((q) => q.isPending && q.failureCount === 0)) return <Spinner label={t('opening')} />;
  if (journey.isError) return <ErrorNote error={journey.error} />;
  return <ReactFlowProvider><JourneyEditor journey={journey.data} /></ReactFlowProvider>;
}

function JourneyEditor({ journey }: { journey: Journey }) {
  const trpc = useTRPC();
  const { t } = useTranslation('editor');
  const locale = useLocale();
  const flow = useReactFlow();
  // Whoever may save gets the update as an edit to save (or undo); anyone else just sees it.
  const canSave = useCan()('journeys.saveDraft');
  const opened = canSave ? journey.unmigratedDraft ?? journey.draft : journey.draft;
  const [history, dispatch] = useReducer(historyReducer, opened, (g) => initialHistory(journeyGraphSchema.parse(g)));
  // Taken from the journey as first opened: a later refetch must not apply an update again over edits.
  const [migrated] = useState(() => (canSave && journey.unmigratedDraft ? journeyGraphSchema.parse(journey.draft) : null));
  const [migrations, setMigrations] = useState(journey.migrations);
  const graph = history.present;
  // The graph as it is when a confirmed delete runs, not as it was when it was asked for.
  const graphRef = useRef(graph);
  graphRef.current = graph;
  const [name, setName] = useState(journey.name);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const selectedId = selection.size === 1 ? [...selection][0] : null;
  const setSelectedId = useCallback((id: string | null) => setSelection(new Set(id ? [id] : [])), []);
  const [helpOpen, setHelpOpen] = useState(false);
  const [live, setLive] = useState(false);
  // A simulation's counts on the cards (simulation/), until the marketer goes back to editing.
  const [simulated, setSimulated] = useState<JourneyStats | null>(null);
  const overlay = live || !!simulated;
  const [outcome, setOutcome] = useState<PublishOutcome | null>(null);
  const triggerEvents = useMemo(() => triggerEventsOf(graph), [graph]);
  const emailProblems = useEmailChecks(graph);
  const selected = graph.nodes.find((n) => n.id === selectedId) ?? null;

  const saveDraft = useMutation(trpc.journeys.saveDraft.mutationOptions());
  const draft = useMemo(() => ({ graph, name }), [graph, name]);
  // Each save names the draft it edits; one changed elsewhere since is refused and offered for reload.
  const revision = useRef(journey.draftRevision);
  const [conflict, setConflict] = useState(false);
  const autosave = useAutosave(draft, async (d) => {
    try {
      const saved = await saveDraft.mutateAsync({ id: journey.id, draft: d.graph, name: d.name.trim() || journey.name, revision: revision.current });
      revision.current = saved.revision;
    } catch (e) {
      if (isDraftConflict(e)) setConflict(true);
      throw e;
    }
  });

  const apply = useCallback((next: JourneyGraph, coalesceKey?: string) => dispatch({ type: 'apply', next, coalesceKey, at: Date.now() }), []);
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  useUndoShortcuts(useMemo(() => (live ? null : { undo, redo }), [live, undo, redo]));
  const versionId = outcome?.ok && 'versionId' in outcome ? outcome.versionId : journey.currentVersionId;
  // Removed steps whose waiting customers the marketer has answered for (when deleting, or at Publish).
  const answeredWaiting = useRef(new Set<string>());
  const waitingGuard = useWaitingGuard(versionId, graphRef, answeredWaiting);
  const commands = useCanvasCommands({ graph, selection, setSelection, apply, guardDelete: waitingGuard.guard });
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useCanvasShortcuts(useMemo(() => (live ? null : { ...commands, help: openHelp }), [live, commands, openHelp]));
  const sizes = useMeasuredSizes();
  // Applied once (the same object again is no change), after the stored draft became the saved state.
  useEffect(() => { if (migrated) apply(migrated); }, [migrated, apply]);

  const stats = useQuery({
    ...trpc.journeys.stats.queryOptions({ versionId: versionId ?? '' }),
    enabled: live && !!versionId, refetchInterval: 2000, staleTime: 0,
  });

  // Cards, the checklist and notices name templates, segments and steps in words, never by id.
  const workspaceNames = useWorkspaceNames();
  // Steps are named from the graph as it is when asked: the value stays the same across edits, so the
  // memoised cards (which read template and segment names from it) do not all re-render after each one.
  const names = useMemo<SummaryNames>(
    () => ({ ...workspaceNames, step: (id) => stepName(graphRef.current, id, locale, workspaceNames) }), [workspaceNames, locale]);
  const nameStep = useCallback((id: string) => names.step?.(id) ?? t('cards:step.removed'), [names, t]);
  // Live problems, with a segment or template deleted since the step was set up, in each step's words.
  const issues = useMemo(() => [...validateGraph(graph, registry, locale), ...deletedReferences(graph, workspaceNames)]
    .map((i) => inStepWords(i, graph, locale)), [graph, locale, workspaceNames]);

  // The server's publish checks are English; each is said in its step's words.
  const shownOutcome = useMemo(() => (outcome && !outcome.ok && 'issues' in outcome
    ? { ...outcome, issues: outcome.issues.map((i) => inStepWords(i, graph, locale)) } : outcome), [outcome, graph, locale]);

  const focusNode = useCallback((nodeId: string) => {
    setSelectedId(nodeId);
    void flow.fitView({ nodes: [{ id: nodeId }], maxZoom: 1.1, duration: 300 });
  }, [flow, setSelectedId]);

  // A new step never lands on another: dropped on a card, or added under the selected (or last) step, it takes the nearest free spot.
  const addFromPalette = useCallback((def: NodeTypeDefinition, at?: Position) => {
    const measured = sizes();
    const position = at ? freeSpot(boxesOf(graph, measured), at, sizeOf(measured, '')) : spotBelow(graph, measured, selectedId);
    const before = graph;
    const next = addNode(before, def, position);
    apply(next);
    setSelectedId(next.nodes.at(-1)!.id);
    // Added by a click, the step lands below the others, maybe out of view: bring it into view.
    if (!at) void flow.setCenter(position.x + CARD_WIDTH / 2, position.y + 70, { zoom: flow.getZoom(), duration: 300 });
  }, [graph, selectedId, apply, flow, sizes, setSelectedId]);

  const onDropType = useCallback((typeId: string, at: { x: number; y: number }) => {
    const def = registry.get(typeId);
    if (def) addFromPalette(def, at);
  }, [addFromPalette]);

  useEffect(() => {
    if (live) setSelectedId(null);
  }, [live, setSelectedId]);

  return (
    <SummaryNamesProvider value={names}>
    <div className="flex h-full flex-col">
      <EditorToolbar journey={journey} name={name} onRename={setName} saveStatus={autosave.status} saveError={autosave.error} savedAt={autosave.savedAt}
        canUndo={history.past.length > 0 && !live} canRedo={history.future.length > 0 && !live} onUndo={undo} onRedo={redo}
        live={live} onToggleLive={() => { setSimulated(null); setLive((v) => !v); }} hasVersion={!!versionId}
        graph={graph} onSimulated={(s) => { setLive(false); setSimulated(s); }}
        flush={autosave.flush} onPublished={(o) => { setOutcome(o); if (o.ok) setLive(false); }}
        onWaitingMoves={(waitingMoves) => apply({ ...graph, waitingMoves })} answeredWaiting={answeredWaiting}
        onTidy={() => void commands.tidy()} tidying={commands.tidying} onShortcuts={openHelp} />
      {conflict && <DraftConflictBanner journeyId={journey.id} />}
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      {waitingGuard.dialog}
      {migrations.length > 0 && <MigrationNotice migrations={migrations} stepName={nameStep} editable={canSave} onSelect={focusNode} onDismiss={() => setMigrations([])} />}
      {shownOutcome && <PublishNotice outcome={shownOutcome} stepName={nameStep} onSelect={focusNode} onDismiss={() => setOutcome(null)} />}
      <div className="flex min-h-0 flex-1">
        <Palette onAdd={(def) => addFromPalette(def)} disabled={live} />
        <div className="relative min-w-0 flex-1 bg-slate-50">
          <Canvas graph={graph} issues={issues} stats={live ? stats.data ?? null : simulated} live={overlay} simulated={!live && !!simulated} selection={selection} emailProblems={emailProblems}
            onSelectionChange={setSelection} onApply={apply} onDropType={onDropType} commands={commands} />
          {simulated && !live && <SimulatedBanner totals={simulated.totals} onClose={() => setSimulated(null)} />}
          {live && (
            <div className="pointer-events-none absolute left-4 top-4 rounded-lg bg-white/90 px-3 py-2 text-xs text-slate-600 shadow ring-1 ring-violet-200" data-testid="live-banner">
              <span className="mr-1.5 inline-block h-2 w-2 animate-pulse rounded-full bg-emerald-500" />
              {t('live.title')} · {stats.data ? t('live.totals', stats.data.totals) : t('live.loading')}
              {stats.data && stats.data.totals.converted > 0 && (
                <span className="ml-1 font-medium text-emerald-700" data-testid="live-conversions">
                  · {t('live.conversions', { converted: stats.data.totals.converted, revenue: formatNumber(locale, stats.data.totals.revenue, { maximumFractionDigits: 2 }) })}
                </span>
              )}
            </div>
          )}
        </div>
        <aside className="w-96 shrink-0 overflow-hidden border-l border-slate-200 bg-white">
          {selected ? (
            <ConfigPanel key={selected.id} node={selected} issues={issues} readOnly={live} triggerEvents={triggerEvents}
              journeyId={versionId ? journey.id : null}
              onChange={(config) => apply(setConfig(graph, selected.id, config, definitionOf(registry, selected)), `config:${selected.id}`)}
              onRename={(label) => apply(setLabel(graph, selected.id, label), `label:${selected.id}`)}
              onDelete={() => waitingGuard.guard([selected.id], (moves) => {
                const next = removeNodes(graphRef.current, [selected.id]);
                apply(moves ? { ...next, waitingMoves: moves } : next);
                setSelectedId(null);
              })} />
          ) : (
            <div className="h-full overflow-y-auto">
              <JourneyChecklist issues={issues} stepName={nameStep} onSelect={focusNode} />
              {live && stats.data && versionId && <FailedRunsCard stats={stats.data} stepName={nameStep} versionId={versionId} onSelect={focusNode} />}
              <JourneySettingsCard journeyId={journey.id} initial={journey.settings} readOnly={live} triggerEvents={triggerEvents} />
            </div>
          )}
        </aside>
      </div>
    </div>
    </SummaryNamesProvider>
  );
}
