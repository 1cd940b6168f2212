// Who may enter the journey again, the goal that ends a run early (a conversion), what counts
// as a conversion, and the share of entrants held out to measure lift.
// Saved as you edit, debounced like the graph (useAutosave: saved on the way out too), so the
// editor has one way of keeping work; like the steps, it takes effect after the next publish.
// Not part of the graph's undo history: an undo on the canvas never rewinds these.
import type { JourneySettings } from '@afterglow/journey-core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EventPicker } from '../../forms/EventPicker';
import { EventPropertyPicker } from '../../forms/EventPropertyPicker';
import { useTRPC } from '../../trpc';
import { AttributionFields } from './AttributionFields';
import { HoldoutField } from './HoldoutField';
import { useAutosave } from './useAutosave';

const inputClass = 'w-full rounded-lg border border-slate-200 px-3 py-1.5 text-sm focus:border-violet-400 focus:outline-none focus:ring-2 focus:ring-violet-100';

export function JourneySettingsCard({ journeyId, initial, readOnly, triggerEvents }: {
  journeyId: string; initial: JourneySettings; readOnly: boolean;
  /** The events that start the journey: the goal may have to share one of their properties. */
  triggerEvents: readonly string[];
}) {
  const trpc = useTRPC();
  const { t } = useTranslation('editor');
  const [settings, setSettings] = useState<JourneySettings>(initial);
  const save = useMutation(trpc.journeys.saveSettings.mutationOptions());
  const autosave = useAutosave(settings, (next) => save.mutateAsync({ id: journeyId, settings: next }));
  const issues = (save.error as { data?: { issues?: { field: string; message: string }[] } } | null)?.data?.issues ?? [];
  const errorOf = (field: string) => issues.find((i) => i.field.endsWith(field))?.message;
  const [daysError, eventError, holdoutError] = [errorOf('days'), errorOf('event'), errorOf('percent')];
  const reentry = settings.reentry;
  const change = (next: JourneySettings) => setSettings(next);

  return (
    <section className="border-t border-slate-200 p-5" data-testid="journey-settings">
      <h2 className="text-base font-semibold text-slate-900">{t('settings.title')}</h2>
      <p className="mt-1 text-xs text-slate-500">{t('settings.hint')}</p>
      <fieldset disabled={readOnly} className="mt-4 space-y-4 disabled:opacity-70">
        <label className="block text-sm font-medium text-slate-700">
          {t('settings.reentry')}
          <select className={`${inputClass} mt-1`} value={reentry.mode} aria-label={t('settings.reentry')}
            onChange={(e) => {
              const mode = e.target.value as JourneySettings['reentry']['mode'];
              change({ ...settings, reentry: mode === 'cooldown' ? { mode, days: 30 } : { mode } });
            }}>
            <option value="trigger">{t('settings.reentry.trigger')}</option>
            <option value="once">{t('settings.reentry.once')}</option>
            <option value="cooldown">{t('settings.reentry.cooldown')}</option>
          </select>
        </label>
        {reentry.mode === 'cooldown' && (
          <label className="block text-sm font-medium text-slate-700">
            {t('settings.days')}
            <input type="number" min={1} className={`${inputClass} mt-1`} aria-label={t('settings.days')} value={reentry.days}
              onChange={(e) => change({ ...settings, reentry: { mode: 'cooldown', days: Number(e.target.value) } })} />
            {daysError && <span className="mt-1 block text-xs text-rose-600">{daysError}</span>}
          </label>
        )}
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" checked={settings.goal !== null} aria-label={t('settings.goal')}
            onChange={(e) => change({ ...settings, goal: e.target.checked ? { event: 'Order Completed', matchTriggerProperty: '' } : null })} />
          {t('settings.goal')}
        </label>
        {settings.goal && (
          <div className="space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
            <div>
              <label htmlFor="goal-event" className="block text-sm font-medium text-slate-700">{t('settings.goalEvent')}</label>
              <div className="mt-1">
                <EventPicker id="goal-event" ariaLabel={t('settings.goalEvent')} value={settings.goal.event} className="bg-white"
                  onChange={(event) => change({ ...settings, goal: { ...settings.goal!, event } })} />
              </div>
              {eventError && <span className="mt-1 block text-xs text-rose-600">{eventError}</span>}
            </div>
            <div>
              <label htmlFor="goal-same-property" className="block text-sm font-medium text-slate-700">
                {t('settings.sameProperty')} <span className="font-normal text-slate-400">{t('settings.samePropertyHint')}</span>
              </label>
              <div className="mt-1">
                <EventPropertyPicker id="goal-same-property" value={settings.goal.matchTriggerProperty} events={triggerEvents} className="bg-white"
                  placeholder={t('settings.samePropertyPlaceholder')}
                  onChange={(matchTriggerProperty) => change({ ...settings, goal: { ...settings.goal!, matchTriggerProperty } })} />
              </div>
            </div>
            <p className="text-xs text-slate-500">{t('settings.goalHint')}</p>
          </div>
        )}
        <AttributionFields value={settings.attribution} inputClass={inputClass} errorOf={errorOf}
          onChange={(attribution) => change({ ...settings, attribution })} />
        <HoldoutField value={settings.holdout} inputClass={inputClass} error={holdoutError}
          onChange={(holdout) => change({ ...settings, holdout })} />
        {!readOnly && (
          <div className="flex items-center gap-3 text-xs" aria-live="polite" data-testid="settings-save-state">
            {autosave.status === 'saved' && <span className="text-slate-500">{autosave.savedAt ? t('settings.saved') : t('settings.autosaves')}</span>}
            {(autosave.status === 'pending' || autosave.status === 'saving') && <span className="text-slate-500">{t('settings.saving')}</span>}
            {autosave.status === 'error' && <span className="text-rose-600">{issues.length === 0 ? autosave.error : t('settings.notSaved')}</span>}
          </div>
        )}
      </fieldset>
    </section>
  );
}
