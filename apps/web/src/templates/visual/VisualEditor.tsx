// The visual email editor (loaded on demand: GrapesJS and its MJML plugin are a chunk of their own).
// GrapesJS edits the MJML document in a canvas that renders it with MJML; every change is written
// back as MJML into the template's body, and a body changed from outside (the code view, a version
// opened from History) is loaded into the canvas again (useGrapes). Images are uploaded to the app
// and offered again in the image picker (double-click an image).
import 'grapesjs/dist/css/grapes.min.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { ErrorNote } from '../../ui/kit';
import { useImageUpload } from '../images/uploadImage';
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
  const trpc = useTRPC();
  const canvas = useRef<HTMLDivElement>(null);
  const styles = useRef<HTMLDivElement>(null);
  const traits = useRef<HTMLDivElement>(null);
  const [tab, setTab] = useState<PanelTab>('blocks');
  const [blocks] = useState(() => emailBlocks(t));
  const [uploadError, setUploadError] = useState<unknown>(null);
  const upload = useImageUpload();
  const editor = useGrapes(value, onChange, t, blocks, { canvas, styles, traits }, {
    upload: (file) => { setUploadError(null); return upload(file); }, onError: setUploadError,
  });
  const images = useQuery(trpc.emailImages.list.queryOptions());

  // The workspace's images, newest first, in the image picker (an upload adds itself).
  useEffect(() => {
    if (editor && images.data) editor.AssetManager.add(images.data.map((i) => ({ src: i.url, name: i.name })));
  }, [editor, images.data]);

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
      <div className="relative min-w-0 flex-1 bg-slate-100" data-testid="visual-canvas">
        {uploadError !== null && (
          <div className="absolute inset-x-3 top-3 z-10 flex items-start gap-2 rounded-lg bg-white shadow" data-testid="upload-error">
            <div className="flex-1"><ErrorNote error={uploadError} /></div>
            <button type="button" className="p-2 text-xs text-slate-500" onClick={() => setUploadError(null)}>{t('images.dismiss')}</button>
          </div>
        )}
        <div ref={canvas} className="h-full" />
      </div>
    </div>
  );
}
