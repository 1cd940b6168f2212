// The visual editor's "Saved blocks": the workspace's own sections (a header, a footer), each
// added with a click or dragged like the built-in blocks, and "Save selected section" to keep the
// section holding the selection under a name. An insert is a link (linkedBlocks.ts): a change to
// the block reaches every template using it; "Unlink" turns the selected link into a copy. Each
// block says how many templates use it, and one in use is not deleted (docs/email.md, "Saved blocks").
import type { Block, Component, Editor } from 'grapesjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Icon } from '../../ui/icons';
import { insertBlock } from './insertBlock';
import { blockLink, isLinkedBlock, linkedBlockId } from './linkedBlocks';
import { forCanvas } from './mjmlSource';
import { SaveBlockDialog } from './SaveBlockDialog';
import { sectionMjml, selectedSection } from './savedSection';

const blockId = (id: string) => `saved:${id}`;

export function SavedBlocks({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation('email-editor');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const blocks = useQuery(trpc.emailBlocks.list.queryOptions());
  const remove = useMutation(trpc.emailBlocks.remove.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.emailBlocks.list.queryKey() }),
    // Used by a template since the list was read: the server's refusal names it.
    onError: (error) => window.alert(error.message),
  }));
  const [selected, setSelected] = useState(false);
  const [link, setLink] = useState<Component | null>(null);
  const [saving, setSaving] = useState<string | null>(null);

  useEffect(() => {
    const track = () => {
      setSelected(!!editor && selectedSection(editor) !== null);
      const c = editor?.getSelected();
      setLink(isLinkedBlock(c) ? c : null);
    };
    editor?.on('component:toggled', track);
    return () => { editor?.off('component:toggled', track); };
  }, [editor]);

  // Dragging goes through GrapesJS's own blocks: each saved block is one, kept in step with the list.
  useEffect(() => {
    if (!editor || !blocks.data) return;
    for (const b of editor.Blocks.getAll().filter((x: Block) => x.getId().startsWith('saved:'))) editor.Blocks.remove(b.getId());
    for (const b of blocks.data) editor.Blocks.add(blockId(b.id), { label: b.name, content: blockLink(b.id, b.name) });
  }, [editor, blocks.data]);

  const saved = blocks.data ?? [];
  const linked = link && saved.find((b) => b.id === linkedBlockId(link));
  const unlink = () => {
    if (!link || !linked) return;
    const [copy] = link.replaceWith(forCanvas(linked.mjml));
    if (copy) editor?.select(copy);
  };
  const removeBlock = (b: (typeof saved)[number]) => {
    if (b.usedBy.length > 0) {
      window.alert(t('saved.inUse', { name: b.name, count: b.usedBy.length, templates: b.usedBy.map((u) => `“${u.name}”`).join(', ') }));
    } else if (window.confirm(t('saved.deleteConfirm', { name: b.name }))) remove.mutate({ id: b.id });
  };
  return (
    <section data-testid="saved-blocks">
      <h3 className="mb-1.5 text-[11px] font-semibold uppercase tracking-wide text-slate-400">{t('category.saved')}</h3>
      <button type="button" disabled={!editor || !selected} title={t('saved.saveHint')}
        onClick={() => { const s = editor && selectedSection(editor); if (s) setSaving(sectionMjml(s)); }}
        className="mb-1.5 flex w-full items-center justify-center gap-1 rounded-lg px-2 py-1.5 text-[11px] font-medium text-violet-700 ring-1 ring-violet-200 hover:bg-violet-50 disabled:text-slate-400 disabled:ring-slate-200 disabled:hover:bg-transparent">
        <Icon name="plus" className="h-3.5 w-3.5" /> {t('saved.saveSelected')}
      </button>
      {linked && (
        <button type="button" title={t('saved.unlinkHint')} onClick={unlink} data-testid="unlink-block"
          className="mb-1.5 flex w-full items-center justify-center gap-1 rounded-lg px-2 py-1.5 text-[11px] font-medium text-violet-700 ring-1 ring-violet-200 hover:bg-violet-50">
          <Icon name="copy" className="h-3.5 w-3.5" /> {t('saved.unlink', { name: linked.name })}
        </button>
      )}
      {saved.length === 0 && <p className="text-[11px] leading-snug text-slate-400">{t('saved.none')}</p>}
      <ul className="space-y-1">
        {saved.map((b) => (
          <li key={b.id} className="group flex items-center rounded-lg ring-1 ring-slate-200 hover:bg-violet-50 hover:ring-violet-200">
            <button type="button" draggable title={t('block.hint')} disabled={!editor}
              onClick={() => editor && insertBlock(editor, { id: blockId(b.id), category: 'layout', icon: 'copy', content: blockLink(b.id, b.name) })}
              onDragStart={(e) => { const x = editor?.Blocks.get(blockId(b.id)); if (x) editor?.Blocks.startDrag(x, e.nativeEvent); }}
              onDragEnd={() => editor?.Blocks.endDrag()}
              className="flex min-w-0 flex-1 cursor-grab items-center gap-1.5 px-2 py-1.5 text-left text-[11px] font-medium text-slate-600 group-hover:text-violet-700">
              <Icon name="copy" className="h-3.5 w-3.5 shrink-0" />
              <span className="min-w-0">
                <span className="block truncate">{b.name}</span>
                <span className="block truncate text-[10px] font-normal text-slate-400" title={b.usedBy.map((u) => u.name).join(', ')}>
                  {t('saved.usedBy', { count: b.usedBy.length })}
                </span>
              </span>
            </button>
            <button type="button" aria-label={t('saved.delete', { name: b.name })} title={t('saved.delete', { name: b.name })}
              onClick={() => removeBlock(b)}
              className="px-1.5 text-slate-300 hover:text-rose-600"><Icon name="trash" className="h-3.5 w-3.5" /></button>
          </li>
        ))}
      </ul>
      {saving !== null && <SaveBlockDialog mjml={saving} saved={saved} onClose={() => setSaving(null)} />}
    </section>
  );
}
