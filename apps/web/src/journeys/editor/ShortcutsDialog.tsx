// `?`: the canvas's keyboard shortcuts and mouse gestures.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/kit';
import { isMac, SHORTCUTS } from './shortcuts';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('editor');
  const keyName = (key: string) => (key === 'mod' ? (isMac() ? '⌘' : 'Ctrl')
    : key === 'click' || key === 'drag' || key === 'Delete' ? t(`shortcuts.key.${key}`) : key);
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose}>
      <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm" data-testid="shortcuts-dialog">
        {SHORTCUTS.map((s) => (
          <Fragment key={s.label}>
            <dt className="text-slate-700">{t(`shortcuts.${s.label}`)}</dt>
            <dd className="flex justify-end gap-1">
              {s.keys.map((k) => <kbd key={k} className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-700">{keyName(k)}</kbd>)}
            </dd>
          </Fragment>
        ))}
      </dl>
    </Dialog>
  );
}
