// Customers wait at steps that are being removed: for each such step, what the next publish does
// with them (docs/engine.md#removed-steps). Let them finish on the version they are walking (the
// default: nothing changes for them), move them to a step of this journey, or let them exit. The
// answer goes into the draft's `waitingMoves`, so it is undone with the delete and published with it.
import type { JourneyGraph, WaitingMove } from '@afterglow/journey-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, inputClass } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { registry, typeLabel } from './registry';
import { stepName, useSummaryNames } from './stepNames';

export interface WaitingStep { nodeId: string; type: string; label: string | null; waiting: number }
type Choice = { kind: 'keep' } | { kind: 'exit' } | { kind: 'move'; to: string };
const KEEP: Choice = { kind: 'keep' };

/** The draft's moves with each step's new answer: a kept step has no move. */
export function withChoices(moves: WaitingMove[] | undefined, choices: Map<string, Choice>): WaitingMove[] {
  const rest = (moves ?? []).filter((m) => !choices.has(m.from));
  const chosen = [...choices].flatMap(([from, c]): WaitingMove[] =>
    c.kind === 'keep' ? [] : [{ from, to: c.kind === 'exit' ? null : c.to }]);
  return [...rest, ...chosen];
}

function choiceOf(moves: WaitingMove[] | undefined, nodeId: string): Choice {
  const move = moves?.find((m) => m.from === nodeId);
  if (!move) return KEEP;
  return move.to === null ? { kind: 'exit' } : { kind: 'move', to: move.to };
}

/**
 * `graph` is the journey as it will be (without the steps): where customers can be moved to.
 * `confirm` words the button ("Delete", "Publish").
 */
export function WaitingMovesDialog({ steps, graph, confirm, onConfirm, onCancel }: {
  steps: WaitingStep[]; graph: JourneyGraph; confirm: string; onConfirm(moves: WaitingMove[]): void; onCancel(): void;
}) {
  const { t } = useTranslation('editor');
  const locale = useLocale();
  const names = useSummaryNames();
  const [choices, setChoices] = useState(() => new Map(steps.map((s) => [s.nodeId, choiceOf(graph.waitingMoves, s.nodeId)])));
  const targets = graph.nodes.filter((n) => registry.get(n.type)?.category !== 'trigger');
  const choose = (nodeId: string, choice: Choice) => setChoices((m) => new Map(m).set(nodeId, choice));
  const total = steps.reduce((n, s) => n + s.waiting, 0);

  return (
    <Dialog title={t('waitingMoves.title', { count: total })} onClose={onCancel}>
      <p className="mb-3 text-sm text-slate-600">{t('waitingMoves.intro')}</p>
      <ul className="max-h-80 space-y-4 overflow-y-auto" data-testid="waiting-moves">
        {steps.map((step) => {
          const choice = choices.get(step.nodeId) ?? KEEP;
          const name = step.label ?? typeLabel(step.type, locale);
          const group = `waiting-${step.nodeId}`;
          return (
            <li key={step.nodeId} className="text-sm" data-testid="waiting-step">
              <p className="font-medium text-slate-900">
                {t('waitingMoves.step', { step: name, count: step.waiting })}
              </p>
              <fieldset className="mt-1.5 space-y-1 text-slate-700">
                <legend className="sr-only">{name}</legend>
                <label className="flex items-center gap-2">
                  <input type="radio" name={group} checked={choice.kind === 'keep'} onChange={() => choose(step.nodeId, KEEP)} />
                  {t('waitingMoves.keep')}
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name={group} checked={choice.kind === 'move'} disabled={targets.length === 0}
                    onChange={() => choose(step.nodeId, { kind: 'move', to: targets[0].id })} />
                  {t('waitingMoves.move')}
                </label>
                {choice.kind === 'move' && (
                  <select className={`${inputClass} ml-6 !w-[calc(100%-1.5rem)]`} value={choice.to} aria-label={t('waitingMoves.target')}
                    onChange={(e) => choose(step.nodeId, { kind: 'move', to: e.target.value })} data-testid="waiting-target">
                    {targets.map((n) => <option key={n.id} value={n.id}>{stepName(graph, n.id, locale, names)}</option>)}
                  </select>
                )}
                <label className="flex items-center gap-2">
                  <input type="radio" name={group} checked={choice.kind === 'exit'} onChange={() => choose(step.nodeId, { kind: 'exit' })} />
                  {t('waitingMoves.exit')}
                </label>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-xs text-slate-500">{t('waitingMoves.when')}</p>
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onCancel} data-testid="waiting-cancel">{t('waitingMoves.cancel')}</Button>
        <Button variant="primary" onClick={() => onConfirm(withChoices(graph.waitingMoves, choices))} data-testid="waiting-confirm">{confirm}</Button>
      </div>
    </Dialog>
  );
}
