// What opening the draft updated: steps moved to a new version of their node type (a plugin was
// upgraded), each with what changed in the type's own words, and any step whose update failed.
// The update is an ordinary edit of the draft: it autosaves, and Undo puts the steps back.
import type { NodeMigration } from '@afterglow/journey-core';
import { localizeNode } from '@afterglow/node-sdk';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { useLocale } from '../../ui/locale';
import { registry } from './registry';

/** A migration's note in the reader's language, when the type translates it among its messages. */
function noteText(type: string, note: string, locale: string): string {
  const def = registry.get(type);
  return def ? localizeNode(def, locale).message(note) : note;
}

export function MigrationNotice({ migrations, editable, stepName, onSelect, onDismiss }: {
  /** editable: the update is this user's edit to save or undo (else they only see it). */
  migrations: NodeMigration[]; editable: boolean; stepName(nodeId: string): string; onSelect(nodeId: string): void; onDismiss(): void;
}) {
  const { t } = useTranslation('editor');
  const locale = useLocale();
  const updated = migrations.filter((m) => !m.error);
  const failed = migrations.filter((m) => m.error);
  return (
    <div role="status" data-testid="migration-notice" className="border-b border-sky-200 bg-sky-50 px-5 py-3 text-sm text-sky-900">
      <div className="flex items-start gap-2">
        <Icon name="history" className="mt-0.5 h-4 w-4 shrink-0" />
        <div className="min-w-0 flex-1">
          {updated.length > 0 && (
            <p className="font-semibold">
              {t('migration.updated', { count: updated.length })}
              {editable && <span className="font-normal"> {t('migration.undoHint', { count: updated.length })}</span>}
            </p>
          )}
          {failed.length > 0 && <p className="font-semibold text-rose-800">{t('migration.failed', { count: failed.length })}</p>}
        </div>
        <button type="button" onClick={onDismiss} className="rounded p-1 hover:bg-sky-100" aria-label={t('dismiss')}><Icon name="x" /></button>
      </div>
      <ul className="mt-2 max-h-48 space-y-1.5 overflow-y-auto pl-6">
        {migrations.map((m) => (
          <li key={m.nodeId} data-testid="migration-step">
            <button type="button" onClick={() => onSelect(m.nodeId)} className="rounded px-1 text-left font-medium hover:bg-sky-100">
              {stepName(m.nodeId)} <span className="font-normal text-sky-700">· {t(m.error ? 'cards:migration.versionsFailed' : 'cards:migration.versions', { from: m.from, to: m.to })}</span>
            </button>
            {m.error
              ? <p className="ml-1 text-rose-700">{m.errorCode ? t(`migration.error.${m.errorCode}`, m.errorParams ?? {}) : m.error}</p>
              : <ul className="ml-5 list-disc text-sky-800">{m.notes.map((note, i) => <li key={i}>{noteText(m.type, note, locale)}</li>)}</ul>}
          </li>
        ))}
      </ul>
    </div>
  );
}
