// The right-hand panel: the selected step's generated config form, or the journey's
// checklist of problems when nothing is selected.
import { configIssues, localizeNode } from '@afterglow/node-sdk';
import { definitionOf, type GraphIssue, type GraphNode } from '@afterglow/journey-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/me';
import { formSchemaOf, issuesByField } from '../../forms/jsonSchema';
import { pluginWidgets } from '../../forms/pluginWidgets';
import { SchemaForm } from '../../forms/SchemaForm';
import { toneOf } from '../../ui/colors';
import { Icon } from '../../ui/icons';
import { Button } from '../../ui/kit';
import { useLocale } from '../../ui/locale';
import { StepRunsPanel } from '../runs/StepRunsPanel';
import { EmailStepPreview } from './EmailStepPreview';
import { useIssueText } from './issueText';
import { useEmailStepPreview } from './useEmailStepPreview';
import { registry } from './registry';

/** The procedure the "Who is here" panel lists with: shown to those who may call it. */
const WHO_IS_HERE = 'journeys.stepCustomers';

/** The enabled plugins' form widgets, by '<plugin id>/<name>'. */
const enabledWidgets = pluginWidgets(registry.plugins());

export function ConfigPanel({ node, issues, readOnly, triggerEvents, journeyId, onChange, onRename, onDelete }: {
  node: GraphNode; issues: GraphIssue[]; readOnly: boolean;
  /** The journey, once published: its customers at this step can be listed ("Who is here"). */
  journeyId?: string | null;
  /** The events that start the journey (triggerEventsOf): their properties are offered to steps. */
  triggerEvents: readonly string[];
  onChange(config: Record<string, unknown>): void; onRename(label: string): void; onDelete(): void;
}) {
  const locale = useLocale();
  const { t } = useTranslation('editor');
  const issueText = useIssueText();
  const can = useCan();
  const [showRuns, setShowRuns] = useState(false);
  // A step that sends a template (a field with the email-template widget) shows the email it sends.
  const def0 = definitionOf(registry, node) ?? registry.get(node.type);
  const sendsEmail = Object.values(def0 ? formSchemaOf(def0, locale).properties ?? {} : {}).some((f) => f.widget === 'email-template');
  const email = useEmailStepPreview(node.config, sendsEmail);
  // The version the step's config was written for: a step a migration could not update keeps its form.
  const def = def0;
  if (!def) return <div className="p-5 text-sm text-slate-500">{t('panel.notInstalled', { type: node.type })}</div>;
  const tone = toneOf(def.ui.color);
  const fieldErrors = issuesByField(configIssues(def, node.config, locale));
  // Merge-field problems of the step's own subject and body, beside them as they are typed.
  if (sendsEmail && !email.templateId) for (const i of email.preview.data?.issues ?? []) if (!fieldErrors.has(i.field)) fieldErrors.set(i.field, i.message);
  const text = localizeNode(def, locale);
  const schema = formSchemaOf(def, locale);
  const configKeys = Object.keys(schema.properties ?? {});
  // Config problems show beside their field; the rest (connections, duplicates) go on top.
  const structural = issues.filter((i) => i.nodeId === node.id && !configKeys.includes(i.field.split('.')[0]));
  return (
    <div className="flex h-full flex-col" data-testid="config-panel">
      <div className="border-b border-slate-200 p-5">
        <div className="flex items-center gap-3">
          <span className={`rounded-lg p-2 ${tone.icon}`}><Icon name={def.ui.icon} className="h-5 w-5" /></span>
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-xs font-semibold uppercase tracking-wide text-slate-500">{text.label}</h2>
            {/* The step's own name, as cards and the checklist show it; empty: the type's label. */}
            <input value={node.label ?? ''} onChange={(e) => onRename(e.target.value)} disabled={readOnly} maxLength={80}
              placeholder={text.label} aria-label={t('panel.stepName')} data-testid="step-name"
              className="mt-0.5 w-full rounded-md border border-transparent px-1 py-0.5 text-base font-semibold text-slate-900 hover:border-slate-200 focus:border-violet-400 focus:outline-none disabled:bg-transparent" />
          </div>
        </div>
        <p className="mt-3 text-sm text-slate-500">{text.description}</p>
        {journeyId && can(WHO_IS_HERE) && (
          <Button icon="customers" onClick={() => setShowRuns(true)} className="mt-3 w-full" data-testid="who-is-here">{t('panel.whoIsHere')}</Button>
        )}
        {showRuns && journeyId && <StepRunsPanel journeyId={journeyId} nodeId={node.id} stepName={node.label || text.label} onClose={() => setShowRuns(false)} />}
      </div>
      <div className="flex-1 overflow-y-auto p-5">
        {structural.map((i, k) => (
          <div key={k} className="mb-4 flex gap-2 rounded-lg bg-rose-50 p-3 text-xs text-rose-700 ring-1 ring-rose-200">
            <Icon name="alert" className="h-4 w-4 shrink-0" />{issueText(i)}
          </div>
        ))}
        <fieldset disabled={readOnly} className="disabled:opacity-70">
          <SchemaForm schema={schema} value={node.config} onChange={onChange} errors={fieldErrors} idPrefix={`cfg-${node.id}`}
            widgets={enabledWidgets} disabled={readOnly} triggerEvents={triggerEvents} />
        </fieldset>
        {sendsEmail && <EmailStepPreview state={email} />}
      </div>
      {!readOnly && (
        <div className="border-t border-slate-200 p-4">
          <Button variant="danger" icon="trash" onClick={onDelete} className="w-full">{t('panel.delete')}</Button>
        </div>
      )}
    </div>
  );
}

/** Rows the checklist lists before "Show N more": a 300-step draft can have hundreds of problems, each naming its step. */
const CHECKLIST_FIRST = 20;

export function JourneyChecklist({ issues, stepName, onSelect }: { issues: GraphIssue[]; stepName(nodeId: string): string; onSelect(nodeId: string): void }) {
  const { t } = useTranslation('editor');
  const issueText = useIssueText();
  const [all, setAll] = useState(false);
  const shown = all ? issues : issues.slice(0, CHECKLIST_FIRST);
  return (
    <div className="p-5" data-testid="journey-checklist">
      <h2 className="text-base font-semibold text-slate-900">{t('checklist.title')}</h2>
      <p className="mt-1 text-sm text-slate-500">{t('checklist.hint')}</p>
      {issues.length === 0 ? (
        <div className="mt-5 flex items-center gap-2 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-700 ring-1 ring-emerald-200">
          <Icon name="check" /> {t('checklist.ready')}
        </div>
      ) : (
        <ul className="mt-5 space-y-2">
          <li className="text-xs font-medium text-rose-700" data-testid="checklist-count">{t('checklist.count', { count: issues.length })}</li>
          {shown.map((i, k) => (
            <li key={k}>
              <button type="button" disabled={!i.nodeId} onClick={() => i.nodeId && onSelect(i.nodeId)}
                className="flex w-full gap-2 rounded-lg bg-white p-3 text-left text-xs text-slate-700 ring-1 ring-slate-200 enabled:hover:ring-violet-300">
                <Icon name="alert" className="h-4 w-4 shrink-0 text-rose-500" />
                <span>{i.nodeId && <span className="font-medium text-slate-500" data-testid="checklist-step">{stepName(i.nodeId)} · </span>}{issueText(i)}</span>
              </button>
            </li>
          ))}
          {shown.length < issues.length && (
            <li>
              <Button onClick={() => setAll(true)} className="w-full" data-testid="checklist-more">{t('checklist.more', { count: issues.length - shown.length })}</Button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
