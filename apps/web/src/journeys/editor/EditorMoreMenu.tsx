// The toolbar's "More" menu: the editor's secondary actions (tidy up, version history, the report,
// export, shortcuts). Kept out of the bar so the journey's name stays readable at laptop widths
// in the longer languages (Russian, Serbian), where the bar would otherwise squeeze it to nothing.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { Icon } from '../../ui/icons';
import { Button } from '../../ui/kit';
import { useJourneyExport } from '../gallery/useJourneyExport';

const itemClass = 'flex w-full items-center gap-2.5 px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-300';

export function EditorMoreMenu(p: {
  journeyId: string; flush(): Promise<void>;
  onTidy(): void; tidyDisabled: boolean; onHistory: (() => void) | null; reportTo: string | null; onShortcuts(): void;
}) {
  const { t } = useTranslation('editor');
  const gallery = useTranslation('gallery').t;
  const versions = useTranslation('versions').t;
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const exporter = useJourneyExport(p.journeyId, p.flush);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  // Each item closes the menu after running its action.
  const item = (id: string, icon: string, label: string, run: () => void, opts: { disabled?: boolean; title?: string } = {}): ReactNode => (
    <button type="button" role="menuitem" className={itemClass} data-testid={id} disabled={opts.disabled} title={opts.title}
      onClick={() => { setOpen(false); run(); }}>
      <Icon name={icon} className="h-4 w-4 shrink-0 text-slate-400" /><span className="min-w-0 flex-1">{label}</span>
    </button>
  );
  const failed = exporter.isError ? exporter.error.message : null;

  return (
    <div ref={box} className="relative">
      <Button variant="ghost" icon="more" onClick={() => setOpen(!open)} aria-haspopup="menu" aria-expanded={open}
        aria-label={t('toolbar.more')} title={failed ?? t('toolbar.more')} data-testid="editor-more"
        className={failed ? '!text-rose-600' : ''} />
      {open && (
        <div role="menu" aria-label={t('toolbar.more')} data-testid="editor-more-menu"
          className="absolute right-0 z-30 mt-1 w-64 overflow-hidden rounded-xl bg-white py-1 shadow-lg ring-1 ring-slate-200">
          {item('tidy', 'layout', t('toolbar.tidy'), p.onTidy, { disabled: p.tidyDisabled, title: t('toolbar.tidyHint') })}
          {p.onHistory && item('version-history', 'history', versions('button'), p.onHistory)}
          {p.reportTo && (
            <Link to={p.reportTo} role="menuitem" className={itemClass} data-testid="open-report" onClick={() => setOpen(false)}>
              <Icon name="chart" className="h-4 w-4 shrink-0 text-slate-400" /><span className="min-w-0 flex-1">{t('toolbar.report')}</span>
            </Link>
          )}
          {item('export-journey', 'download', gallery('export.label'), () => exporter.mutate(), { disabled: exporter.isPending, title: gallery('export.hint') })}
          <div className="my-1 border-t border-slate-100" />
          {item('shortcuts', 'keyboard', t('toolbar.shortcuts'), p.onShortcuts)}
        </div>
      )}
    </div>
  );
}
