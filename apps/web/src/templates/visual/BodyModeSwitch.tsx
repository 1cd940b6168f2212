// "Visual / Code": the two views of a template's body. Both edit the same MJML text.
import { useTranslation } from 'react-i18next';

export type BodyMode = 'visual' | 'code';
const MODES: readonly BodyMode[] = ['visual', 'code'];

export function BodyModeSwitch({ mode, onMode }: { mode: BodyMode; onMode(mode: BodyMode): void }) {
  const { t } = useTranslation('email-editor');
  return (
    <div className="flex rounded-lg bg-slate-200/70 p-0.5" role="group" aria-label={t('mode.label')} data-testid="body-mode">
      {MODES.map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => onMode(m)}
          className={`rounded-md px-2.5 py-0.5 text-xs font-medium ${mode === m ? 'bg-white text-violet-700 shadow-sm' : 'text-slate-500 hover:text-slate-800'}`}>
          {t(`mode.${m}`)}
        </button>
      ))}
    </div>
  );
}
