// GrapesJS made once for a container, holding the MJML of a template's body: every change comes
// back as MJML (debounced); a body changed elsewhere is loaded again. Text being typed into lives in
// the canvas's DOM until GrapesJS takes it into its model, so a click anywhere else in the app (Save,
// the Code switch) and Ctrl+S in the canvas take it in first.
import grapesjs, { type Editor } from 'grapesjs';
import mjmlPlugin from 'grapesjs-mjml';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { IMAGE_PLACEHOLDER, type EmailBlock } from './blocks';
import { attributesInCanvas, attributesOf, placeholdersForLiquidImages } from './canvasLook';
import { grapesMessages } from './grapesMessages';
import { keepAttributes } from './keepAttributes';
import { LINKED_BLOCK_CSS, linkedBlocks } from './linkedBlocks';
import { forCanvas, fromCanvas } from './mjmlSource';

// Liquid between blocks (a loop, a condition) is marked as such in the canvas, not shown as body text;
// the head (title, default attributes) is no part of the email's picture.
const CANVAS_CSS = `[data-gjs-type="mj-raw"] { font: 11px/1.6 ui-monospace, monospace; color: #6d28d9; background: #f5f3ff; padding: 2px 12px; }
[data-gjs-type="mj-head"], mj-head, mj-title, mj-attributes, mj-preview { display: none !important; }`;

interface Containers { canvas: RefObject<HTMLDivElement | null>; styles: RefObject<HTMLDivElement | null>; traits: RefObject<HTMLDivElement | null> }

/** The image picker's uploads: stored by the app (images/uploadImage.ts); a refusal closes the picker and is shown. */
export interface ImageUploads { upload(file: File): Promise<{ url: string; name: string }>; onError(error: unknown): void }

/** Ends typing in a text of the canvas, so the model (and the MJML) has every letter. */
async function commitTyping(editor: Editor): Promise<void> {
  const view = editor.getEditing()?.getView();
  if (view && 'disableEditing' in view && typeof view.disableEditing === 'function') await (view.disableEditing as () => Promise<void>)();
}

export function useGrapes(value: string, onChange: (next: string) => void, t: TFunction<'email-editor'>, blocks: EmailBlock[], at: Containers, images: ImageUploads) {
  const [editor, setEditor] = useState<Editor | null>(null);
  // What the draft said when the canvas was last loaded or written, and the MJML GrapesJS gave back then.
  const loaded = useRef({ source: value, canvas: '' });
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const imagesRef = useRef(images);
  imagesRef.current = images;
  // The document's <mj-attributes>, for the canvas's renders of each element (canvasLook.ts).
  const attributes = useRef(attributesOf(value));
  attributes.current = attributesOf(value);

  useEffect(() => {
    const e = grapesjs.init({
      container: at.canvas.current!, height: '100%', width: 'auto', storageManager: false, fromElement: false,
      panels: { defaults: [] }, blockManager: { custom: true },
      assetManager: {
        uploadFile: async (event: DragEvent) => {
          const files = event.dataTransfer?.files ?? (event.target as HTMLInputElement | null)?.files;
          await Promise.all(Array.from(files ?? []).map((file) => imagesRef.current.upload(file).then(
            (image) => { e.AssetManager.add({ src: image.url, name: image.name }, { at: 0 }); },
            (err: unknown) => { e.Modal.close(); imagesRef.current.onError(err); })));
        },
      },
      styleManager: { appendTo: at.styles.current! }, traitManager: { appendTo: at.traits.current! },
      i18n: { locale: 'app', localeFallback: 'en', detectLocale: false, messages: { app: grapesMessages(t) } },
      plugins: [
        (ed) => mjmlPlugin(ed, { blocks: [], resetBlocks: true, imagePlaceholderSrc: IMAGE_PLACEHOLDER, useCustomTheme: false }),
        keepAttributes, attributesInCanvas(() => attributes.current), placeholdersForLiquidImages, linkedBlocks(t),
      ],
      components: forCanvas(value), canvasCss: CANVAS_CSS + LINKED_BLOCK_CSS,
    });
    for (const block of blocks) e.Blocks.add(block.id, { label: t(`block.${block.id}`), content: block.content });
    loaded.current = { source: value, canvas: fromCanvas(e.getHtml()) };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      clearTimeout(timer);
      const mjml = fromCanvas(e.getHtml());
      if (mjml === loaded.current.canvas) return; // unchanged: GrapesJS's own formatting is no edit
      loaded.current = { source: mjml, canvas: mjml };
      onChangeRef.current(mjml);
    };
    e.on('update', () => { clearTimeout(timer); timer = setTimeout(write, 200); });
    // A click elsewhere in the app takes in what was typed; the merge-field menu types into it instead.
    const outside = (event: PointerEvent) => {
      if (!(event.target instanceof Element) || event.target.closest('[data-keeps-typing]')) return;
      if (e.getEditing()) void commitTyping(e).then(write);
    };
    document.addEventListener('pointerdown', outside, true);
    e.on('canvas:frame:load', () => e.Canvas.getDocument()?.addEventListener('keydown', (event) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      void commitTyping(e).then(() => { write(); window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true })); });
    }));
    setEditor(e);
    return () => { clearTimeout(timer); document.removeEventListener('pointerdown', outside, true); e.destroy(); };
    // Made once: later bodies arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!editor || value === loaded.current.source) return;
    editor.setComponents(forCanvas(value));
    editor.UndoManager.clear();
    loaded.current = { source: value, canvas: fromCanvas(editor.getHtml()) };
  }, [editor, value]);

  return editor;
}
