// What publishing said: the new version, or every problem with a link to its step.
import type { GraphIssue } from '@afterglow/journey-core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { useIssueText } from './issueText';

export type PublishOutcome =
  | { ok: true; versionId: string; version: number; moved?: number; exited?: number }
  | { ok: true; requested: true }
  | { ok: false; issues: GraphIssue[] }
  /** The request itself failed (offline, refused): the server's words. */
  | { ok: false; error: string };

function Dismiss({ onClick, hover }: { onClick(): void; hover: string }) {
  const { t } = useTranslation('editor');
  return <button type="button" onClick={onClick} className={`ml-auto rounded p-1 ${hover}`} aria-label={t('dismiss')}><Icon name="x" /></button>;
}

export function PublishNotice({ outcome, stepName, onSelect, onDismiss }: {
  outcome: PublishOutcome; stepName(nodeId: string): string; onSelect(nodeId: string): void; onDismiss(): void;
}) {
  const { t } = useTranslation('editor');
  const issueText = useIssueText();
  if (outcome.ok && 'requested' in outcome) {
    return (
      <div role="status" data-testid="publish-requested" className="flex items-center gap-2 border-b border-violet-200 bg-violet-50 px-5 py-2.5 text-sm text-violet-800">
        <Icon name="shield" /> {t('publish.requested')}
        <Dismiss onClick={onDismiss} hover="hover:bg-violet-100" />
      </div>
    );
  }
  if (outcome.ok) {
    return (
      <div role="status" data-testid="publish-success" className="flex items-center gap-2 border-b border-emerald-200 bg-emerald-50 px-5 py-2.5 text-sm text-emerald-800">
        <Icon name="check" /> {t('publish.success', { version: outcome.version })}
        {outcome.moved ? ` ${t('publish.moved', { count: outcome.moved })}` : ''}
        {outcome.exited ? ` ${t('publish.exited', { count: outcome.exited })}` : ''}
        <Dismiss onClick={onDismiss} hover="hover:bg-emerald-100" />
      </div>
    );
  }
  const issues = 'issues' in outcome ? outcome.issues : [];
  return (
    <div role="alert" data-testid="publish-refused" className="border-b border-rose-200 bg-rose-50 px-5 py-3 text-sm text-rose-800">
      <div className="flex items-center gap-2 font-semibold">
        <Icon name="alert" /> {'error' in outcome ? t('publish.failed', { error: outcome.error }) : t('publish.refused', { count: issues.length })}
        <Dismiss onClick={onDismiss} hover="hover:bg-rose-100" />
      </div>
      {issues.length > 0 && (
        <ul className="mt-2 max-h-40 space-y-1 overflow-y-auto">
          {issues.map((i, k) => (
            <li key={k}>
              <button type="button" disabled={!i.nodeId} onClick={() => i.nodeId && onSelect(i.nodeId)}
                className="flex w-full gap-3 rounded px-2 py-1 text-left enabled:hover:bg-rose-100" data-testid="publish-issue">
                <span className="w-44 shrink-0 truncate font-medium text-rose-700" title={i.nodeId ? stepName(i.nodeId) : undefined}>{i.nodeId ? stepName(i.nodeId) : t('publish.journey')}</span>
                <span>{issueText(i)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
