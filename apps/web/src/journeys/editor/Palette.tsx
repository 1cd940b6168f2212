// Every registered node type, grouped by category: drag onto the canvas or click to add.
import { localizeNode, type NodeCategory, type NodeTypeDefinition } from '@afterglow/node-sdk';
import { useTranslation } from 'react-i18next';
import { toneOf } from '../../ui/colors';
import { Icon } from '../../ui/icons';
import { useLocale } from '../../ui/locale';
import { registry } from './registry';

export const PALETTE_MIME = 'application/x-afterglow-node-type';

const categories: readonly NodeCategory[] = ['trigger', 'wait', 'condition', 'action'];

export function Palette({ onAdd, disabled }: { onAdd(def: NodeTypeDefinition): void; disabled: boolean }) {
  const locale = useLocale();
  const { t } = useTranslation('editor');
  return (
    <aside className="w-64 shrink-0 overflow-y-auto border-r border-slate-200 bg-white p-3" aria-label={t('palette.label')} data-testid="palette">
      <p className="px-1 pb-3 text-xs text-slate-500">{t(disabled ? 'palette.live' : 'palette.hint')}</p>
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

function PaletteItem({ def, locale, onAdd, disabled }: { def: NodeTypeDefinition; locale: string; onAdd(def: NodeTypeDefinition): void; disabled: boolean }) {
  const tone = toneOf(def.ui.color);
  const text = localizeNode(def, locale);
  return (
    <button type="button" draggable={!disabled} disabled={disabled} data-testid={`palette-${def.id}`} title={text.description}
      onDragStart={(e) => { e.dataTransfer.setData(PALETTE_MIME, def.id); e.dataTransfer.effectAllowed = 'move'; }}
      onClick={() => onAdd(def)}
      className="flex w-full cursor-grab items-start gap-2.5 rounded-lg p-2 text-left ring-1 ring-slate-200 transition hover:bg-slate-50 hover:ring-slate-300 active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50">
      <span className={`mt-0.5 rounded-md p-1.5 ${tone.icon}`}><Icon name={def.ui.icon} /></span>
      <span className="min-w-0">
        <span className="block text-sm font-medium text-slate-800">{text.label}</span>
        <span className="block text-xs leading-snug text-slate-500">{text.description}</span>
      </span>
    </button>
  );
}
