// The toolbar's "More" menu: the editor's secondary actions (tidy up, version history, the report,
// export, shortcuts). Kept out of the bar so the journey's name stays readable at laptop widths
// in the longer languages (Russian, Serbian), where the bar would otherwise squeeze it to nothing.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { Icon } from '../../ui/icons';
import { Button } from '../../ui/kit';
import { useJourneyExport } from '../gallery/useJourneyExport';
import { useDismiss } from '../../ui/useDismiss';

const itemClass = 'flex w-full items-center gap-2.5 px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-300';

export function EditorMoreMenu(p: {
  journeyId: string; flush(): Promise<void>;
  onTidy(): void; tidyDisabled: boolean; onHistory: (() => void) | null; reportTo: string | null; onShortcuts(): void;
}) {
  const { t } = useTranslation('editor');
  const gallery = useTranslation('gallery').t;
  const versions = useTranslation('versions').t;
  const [open, setOpen] = useState(false);
  const closeMenu = useCallback(() => setOpen(false), []);
  const box = useRef<HTMLDivElement>(null);
  const exporter = useJourneyExport(p.journeyId, p.flush);

  useDismiss(open, box, closeMenu);

  // Each item closes the menu after running its action; the report is a link.
  const items: { id: string; icon: string; label: string; run?: () => void; to?: string; disabled?: boolean; title?: string; divided?: boolean }[] = [
    { id: 'tidy', icon: 'layout', label: t('toolbar.tidy'), run: p.onTidy, disabled: p.tidyDisabled, title: t('toolbar.tidyHint') },
    ...(p.onHistory ? [{ id: 'version-history', icon: 'history', label: versions('button'), run: p.onHistory }] : []),
    ...(p.reportTo ? [{ id: 'open-report', icon: 'chart', label: t('toolbar.report'), to: p.reportTo }] : []),
    { id: 'export-journey', icon: 'download', label: gallery('export.label'), run: () => exporter.mutate(), disabled: exporter.isPending, title: gallery('export.hint') },
    { id: 'shortcuts', icon: 'keyboard', label: t('toolbar.shortcuts'), run: p.onShortcuts, divided: true },
  ];
  const failed = exporter.isError ? exporter.error.message : null;

  return (
    <div ref={box} className="relative">
      <Button variant="ghost" icon="more" onClick={() => setOpen(!open)} aria-haspopup="menu" aria-expanded={open}
        aria-label={t('toolbar.more')} title={failed ?? t('toolbar.more')} data-testid="editor-more"
        className={failed ? '!text-rose-600' : ''} />
      {open && (
        <div role="menu" aria-label={t('toolbar.more')} data-testid="editor-more-menu"
          className="absolute right-0 z-30 mt-1 w-64 overflow-hidden rounded-xl bg-white py-1 shadow-lg ring-1 ring-slate-200">
          {items.map((i) => {
            const inside = <><Icon name={i.icon} className="h-4 w-4 shrink-0 text-slate-400" /><span className="min-w-0 flex-1">{i.label}</span></>;
            return (
              <div key={i.id} className={i.divided ? 'mt-1 border-t border-slate-100 pt-1' : ''}>
                {i.to ? (
                  <Link to={i.to} role="menuitem" className={itemClass} data-testid={i.id} onClick={() => setOpen(false)}>{inside}</Link>
                ) : (
                  <button type="button" role="menuitem" className={itemClass} data-testid={i.id} disabled={i.disabled} title={i.title}
                    onClick={() => { setOpen(false); i.run?.(); }}>{inside}</button>
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
