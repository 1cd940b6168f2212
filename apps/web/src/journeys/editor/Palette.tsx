// Every registered node type, grouped by category: drag onto the canvas or click to add.
import { localizeNode, type NodeCategory, type NodeTypeDefinition } from '@afterglow/node-sdk';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toneOf } from '../../ui/colors';
import { Icon } from '../../ui/icons';
import { useLocale } from '../../ui/locale';
import { useStoredFlag } from '../../ui/useStoredFlag';
import { registry } from './registry';

export const PALETTE_MIME = 'application/x-afterglow-node-type';

const categories: readonly NodeCategory[] = ['trigger', 'wait', 'condition', 'action'];

export function Palette({ onAdd, disabled }: { onAdd(def: NodeTypeDefinition): void; disabled: boolean }) {
  const locale = useLocale();
  const { t } = useTranslation('editor');
  // Collapsed to a strip of icons (still clickable and draggable) to give the canvas the room.
  const [collapsed, setCollapsed] = useStoredFlag('afterglow.editor.paletteCollapsed', false);
  const toggle = (
    <button type="button" onClick={() => setCollapsed(!collapsed)} data-testid="palette-toggle" aria-expanded={!collapsed}
      aria-label={t(collapsed ? 'palette.expand' : 'palette.collapse')} title={t(collapsed ? 'palette.expand' : 'palette.collapse')}
      className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"><Icon name="panelLeft" /></button>
  );
  if (collapsed) {
    return (
      <aside className="flex w-12 shrink-0 flex-col items-center gap-1 overflow-y-auto border-r border-slate-200 bg-white py-2" aria-label={t('palette.label')} data-testid="palette">
        {toggle}
        {categories.map((category) => (
          <div key={category} className="flex flex-col items-center gap-1 border-t border-slate-100 pt-1">
            {registry.all().filter((d) => d.category === category).map((def) => <PaletteItem key={def.id} def={def} locale={locale} onAdd={onAdd} disabled={disabled} compact />)}
          </div>
        ))}
      </aside>
    );
  }
  return (
    <aside className="w-56 shrink-0 overflow-y-auto border-r border-slate-200 bg-white p-3" aria-label={t('palette.label')} data-testid="palette">
      <div className="flex items-start justify-between gap-2 pb-3">
        <p className="px-1 text-xs text-slate-500">{t(disabled ? 'palette.live' : 'palette.hint')}</p>
        {toggle}
      </div>
      {categories.map((category) => {
        const defs = registry.all().filter((d) => d.category === category);
        if (defs.length === 0) return null;
        return (
          <section key={category} className="mb-4" data-testid={`palette-group-${category}`}>
            <h3 className="px-1 pb-1.5 text-[11px] font-semibold uppercase tracking-wider text-slate-400">{t(`palette.${category}`)}</h3>
            <div className="space-y-1.5">
              {defs.map((def) => <PaletteItem key={def.id} def={def} locale={locale} onAdd={onAdd} disabled={disabled} />)}
            </div>
          </section>
        );
      })}
    </aside>
  );
}

function PaletteItem({ def, locale, onAdd, disabled, compact }: {
  def: NodeTypeDefinition; locale: string; onAdd(def: NodeTypeDefinition): void; disabled: boolean; compact?: boolean;
}) {
  const tone = toneOf(def.ui.color);
  const text = localizeNode(def, locale);
  const common = {
    type: 'button', draggable: !disabled, disabled, 'data-testid': `palette-${def.id}`, onClick: () => onAdd(def),
    onDragStart: (e: DragEvent) => { e.dataTransfer.setData(PALETTE_MIME, def.id); e.dataTransfer.effectAllowed = 'move'; },
  } as const;
  if (compact) {
    return (
      <button {...common} title={`${text.label}: ${text.description}`} aria-label={text.label}
        className={`cursor-grab rounded-md p-1.5 ${tone.icon} hover:ring-1 hover:ring-slate-300 disabled:cursor-not-allowed disabled:opacity-50`}>
        <Icon name={def.ui.icon} />
      </button>
    );
  }
  return (
    <button {...common} title={text.description}
      className="flex w-full cursor-grab items-start gap-2.5 rounded-lg p-2 text-left ring-1 ring-slate-200 transition hover:bg-slate-50 hover:ring-slate-300 active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50">
      <span className={`mt-0.5 rounded-md p-1.5 ${tone.icon}`}><Icon name={def.ui.icon} /></span>
      <span className="min-w-0">
        <span className="block text-sm font-medium text-slate-800">{text.label}</span>
        <span className="block text-xs leading-snug text-slate-500">{text.description}</span>
      </span>
    </button>
  );
}
