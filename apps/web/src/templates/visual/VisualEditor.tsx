// The visual email editor (loaded on demand: GrapesJS and its MJML plugin are a chunk of their own).
// GrapesJS edits the MJML document in a canvas that renders it with MJML; every change is written
// back as MJML into the template's body, and a body changed from outside (the code view, a version
// opened from History) is loaded into the canvas again (useGrapes).
import 'grapesjs/dist/css/grapes.min.css';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { emailBlocks } from './blocks';
import { SidePanel, type PanelTab } from './SidePanel';
import { insertSnippet } from './snippets';
import { useGrapes } from './useGrapes';
import './visual.css';

export interface VisualEditorHandle {
  /** Puts a merge field's Liquid where the author is typing, or into the selected text. */
  insert(snippet: string): void;
}

export default function VisualEditor({ value, onChange, ref }: { value: string; onChange(next: string): void; ref?: Ref<VisualEditorHandle> }) {
  const { t } = useTranslation('email-editor');
  const canvas = useRef<HTMLDivElement>(null);
  const styles = useRef<HTMLDivElement>(null);
  const traits = useRef<HTMLDivElement>(null);
  const [tab, setTab] = useState<PanelTab>('blocks');
  const [blocks] = useState(() => emailBlocks(t));
  const editor = useGrapes(value, onChange, t, blocks, { canvas, styles, traits });

  // Selecting an element shows its style; the blocks are one tab away.
  useEffect(() => {
    const show = () => setTab('style');
    editor?.on('component:selected', show);
    return () => { editor?.off('component:selected', show); };
  }, [editor]);

  useImperativeHandle(ref, () => ({ insert: (snippet) => { if (editor) insertSnippet(editor, snippet); } }), [editor]);

  return (
    <div className="visual-email flex h-full min-h-0" data-testid="visual-editor">
      <SidePanel editor={editor} blocks={blocks} tab={tab} onTab={setTab} styles={styles} traits={traits} />
      <div className="min-w-0 flex-1 bg-slate-100" data-testid="visual-canvas"><div ref={canvas} className="h-full" /></div>
    </div>
  );
}
