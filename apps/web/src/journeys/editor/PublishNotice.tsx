// What publishing said: the new version, or every problem with a link to its step.
import type { GraphIssue } from '@afterglow/journey-core';
import { Icon } from '../../ui/icons';

export type PublishOutcome =
  | { ok: true; versionId: string; version: number }
  | { ok: true; requested: true }
  | { ok: false; issues: GraphIssue[] };

export function PublishNotice({ outcome, stepName, onSelect, onDismiss }: {
  outcome: PublishOutcome; stepName(nodeId: string): string; onSelect(nodeId: string): void; onDismiss(): void;
}) {
  if (outcome.ok && 'requested' in outcome) {
    return (
      <div role="status" data-testid="publish-requested" className="flex items-center gap-2 border-b border-violet-200 bg-violet-50 px-5 py-2.5 text-sm text-violet-800">
        <Icon name="shield" /> Sent for approval. A manager, admin or owner reviews it; you get an email when they decide.
        <button type="button" onClick={onDismiss} className="ml-auto rounded p-1 hover:bg-violet-100" aria-label="Dismiss"><Icon name="x" /></button>
      </div>
    );
  }
  if (outcome.ok) {
    return (
      <div role="status" data-testid="publish-success" className="flex items-center gap-2 border-b border-emerald-200 bg-emerald-50 px-5 py-2.5 text-sm text-emerald-800">
        <Icon name="check" /> Published version {outcome.version}. New customers enter this version; customers already on their way stay on theirs.
        <button type="button" onClick={onDismiss} className="ml-auto rounded p-1 hover:bg-emerald-100" aria-label="Dismiss"><Icon name="x" /></button>
      </div>
    );
  }
  return (
    <div role="alert" data-testid="publish-refused" className="border-b border-rose-200 bg-rose-50 px-5 py-3 text-sm text-rose-800">
      <div className="flex items-center gap-2 font-semibold">
        <Icon name="alert" /> Not published: fix {outcome.issues.length === 1 ? 'this problem' : `these ${outcome.issues.length} problems`} first
        <button type="button" onClick={onDismiss} className="ml-auto rounded p-1 hover:bg-rose-100" aria-label="Dismiss"><Icon name="x" /></button>
      </div>
      <ul className="mt-2 max-h-40 space-y-1 overflow-y-auto">
        {outcome.issues.map((i, k) => (
          <li key={k}>
            <button type="button" disabled={!i.nodeId} onClick={() => i.nodeId && onSelect(i.nodeId)}
              className="flex w-full gap-3 rounded px-2 py-1 text-left enabled:hover:bg-rose-100" data-testid="publish-issue">
              <span className="w-44 shrink-0 truncate font-medium text-rose-700" title={i.nodeId ?? undefined}>{i.nodeId ? stepName(i.nodeId) : 'The journey'}</span>
              <span>{i.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
