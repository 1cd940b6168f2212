// The visual editor's left panel: the blocks (drag one onto the email, or click to add it after
// the selection; the workspace's saved blocks last), and the selected element's style and settings, which GrapesJS draws into the
// two containers given here.
import type { Editor } from 'grapesjs';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import type { EmailBlock } from './blocks';
import { insertBlock } from './insertBlock';
import { SavedBlocks } from './SavedBlocks';

export type PanelTab = 'blocks' | 'style' | 'settings';
const TABS: readonly PanelTab[] = ['blocks', 'style', 'settings'];
const CATEGORIES: readonly EmailBlock['category'][] = ['content', 'layout', 'shop'];

export function SidePanel({ editor, blocks, tab, onTab, styles, traits }: {
  editor: Editor | null; blocks: EmailBlock[]; tab: PanelTab; onTab(tab: PanelTab): void;
  styles: RefObject<HTMLDivElement | null>; traits: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation('email-editor');
  return (
    <div className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div role="tablist" aria-label={t('panel.label')} className="flex border-b border-slate-200 px-2">
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => onTab(id)}
            className={`flex-1 border-b-2 px-2 py-2 text-xs font-semibold ${tab === id ? 'border-violet-600 text-violet-700' : 'border-transparent text-slate-500 hover:text-slate-800'}`}>
            {t(`panel.${id}`)}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div hidden={tab !== 'blocks'} className="space-y-3 p-3" data-testid="visual-blocks">
          {CATEGORIES.map((category) => (
            <section key={category}>
              <h3 className="mb-1.5 text-[11px] font-semibold uppercase tracking-wide text-slate-400">{t(`category.${category}`)}</h3>
              <div className="grid grid-cols-2 gap-1.5">
                {blocks.filter((b) => b.category === category).map((block) => (
                  <button key={block.id} type="button" draggable title={t('block.hint')} disabled={!editor}
                    onClick={() => editor && insertBlock(editor, block)}
                    onDragStart={(e) => { const b = editor?.Blocks.get(block.id); if (b) editor?.Blocks.startDrag(b, e.nativeEvent); }}
                    onDragEnd={() => editor?.Blocks.endDrag()}
                    className="flex cursor-grab flex-col items-center gap-1 rounded-lg px-1 py-2 text-center text-[11px] font-medium leading-tight text-slate-600 ring-1 ring-slate-200 hover:bg-violet-50 hover:text-violet-700 hover:ring-violet-200">
                    <Icon name={block.icon} className="h-4 w-4" />
                    {t(`block.${block.id}`)}
                  </button>
                ))}
              </div>
            </section>
          ))}
          <SavedBlocks editor={editor} />
        </div>
        <div hidden={tab !== 'style'} ref={styles} data-testid="visual-style" />
        <div hidden={tab !== 'settings'} ref={traits} data-testid="visual-settings" />
      </div>
    </div>
  );
}
