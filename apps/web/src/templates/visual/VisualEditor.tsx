// The visual email editor (loaded on demand: GrapesJS and its MJML plugin are a chunk of their own).
// GrapesJS edits the MJML document in a canvas that renders it with MJML; every change is written
// back as MJML into the template's body (debounced), and a body changed from outside (the code
// view, a version opened from History) is loaded into the canvas again.
import grapesjs, { type Editor } from 'grapesjs';
import 'grapesjs/dist/css/grapes.min.css';
import mjmlPlugin from 'grapesjs-mjml';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { emailBlocks, IMAGE_PLACEHOLDER } from './blocks';
import { grapesMessages } from './grapesMessages';
import { forCanvas } from './mjmlSource';
import { SidePanel, type PanelTab } from './SidePanel';
import { insertSnippet } from './snippets';
import './visual.css';

export interface VisualEditorHandle {
  /** Puts a merge field's Liquid where the author is typing, or into the selected text. */
  insert(snippet: string): void;
}

export interface VisualEditorProps { value: string; onChange(next: string): void; ref?: Ref<VisualEditorHandle> }

export default function VisualEditor({ value, onChange, ref }: VisualEditorProps) {
  const { t } = useTranslation('email-editor');
  const canvas = useRef<HTMLDivElement>(null);
  const styles = useRef<HTMLDivElement>(null);
  const traits = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [tab, setTab] = useState<PanelTab>('blocks');
  // The MJML the canvas shows: written on every change, compared with what the draft says.
  const shown = useRef(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const blocks = emailBlocks(t);

  useEffect(() => {
    const e = grapesjs.init({
      container: canvas.current!, height: '100%', width: 'auto', storageManager: false, fromElement: false,
      panels: { defaults: [] }, blockManager: { custom: true },
      styleManager: { appendTo: styles.current! }, traitManager: { appendTo: traits.current! },
      i18n: { locale: 'app', localeFallback: 'en', detectLocale: false, messages: { app: grapesMessages(t) } },
      plugins: [(ed) => mjmlPlugin(ed, { blocks: [], resetBlocks: true, imagePlaceholderSrc: IMAGE_PLACEHOLDER, useCustomTheme: false })],
      components: forCanvas(value),
    });
    for (const block of blocks) e.Blocks.add(block.id, { label: t(`block.${block.id}`), content: block.content });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const mjml = e.getHtml();
        if (mjml === shown.current) return;
        shown.current = mjml;
        onChangeRef.current(mjml);
      }, 250);
    };
    e.on('update', write);
    e.on('component:selected', () => setTab('style'));
    setEditor(e);
    return () => { clearTimeout(timer); e.destroy(); };
    // Made once: later bodies arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!editor || value === shown.current) return;
    shown.current = value;
    editor.setComponents(forCanvas(value));
  }, [editor, value]);

  useImperativeHandle(ref, () => ({ insert: (snippet) => { if (editor) insertSnippet(editor, snippet); } }), [editor]);

  return (
    <div className="visual-email flex h-full min-h-0" data-testid="visual-editor">
      <SidePanel editor={editor} blocks={blocks} tab={tab} onTab={setTab} styles={styles} traits={traits} />
      <div className="min-w-0 flex-1 bg-slate-100" data-testid="visual-canvas"><div ref={canvas} className="h-full" /></div>
    </div>
  );
}
