// The template body in either view: the MJML code (CodeMirror) or the visual editor (GrapesJS,
// fetched the first time someone opens it, so the code view and every other page never load it).
// Both read and write the same MJML text, so switching views never loses a change. The code view
// takes blocks and images from menus of its own; the visual editor has them in its panel.
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/kit';
import { BlockMenu } from './BlockMenu';
import { ImagePicker } from './images/ImagePicker';
import { imageMjml } from './images/uploadImage';
import { MergeFieldMenu } from './MergeFieldMenu';
import { MjmlEditor } from './MjmlEditor';
import { BodyModeSwitch, type BodyMode } from './visual/BodyModeSwitch';
import type { VisualEditorHandle } from './visual/VisualEditor';

const VisualEditor = lazy(() => import('./visual/VisualEditor'));

export function BodyEditor({ mode, onMode, value, onChange, problemLines }: {
  mode: BodyMode; onMode(mode: BodyMode): void; value: string; onChange(next: string): void; problemLines: number[];
}) {
  const { t } = useTranslation('templates');
  // Both editors take a merge field the same way: at the cursor, as if typed.
  const editor = useRef<VisualEditorHandle>(null);
  const [picking, setPicking] = useState(false);
  const insert = (snippet: string) => editor.current?.insert(snippet);
  return (
    <>
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-4 py-1.5">
        <div className="flex items-center gap-3">
          <span className="text-xs font-semibold text-slate-500">{t('editor.body')}</span>
          <BodyModeSwitch mode={mode} onMode={onMode} />
        </div>
        <div className="flex items-center gap-2">
          {mode === 'code' && <>
            <button type="button" onClick={() => setPicking(true)} className="inline-flex items-center gap-1 rounded-md bg-white px-2 py-1 text-xs text-slate-700 ring-1 ring-slate-200 hover:text-violet-700">
              <Icon name="layout" className="h-3.5 w-3.5" /> {t('editor.image')}
            </button>
            <BlockMenu onInsert={insert} />
          </>}
          <MergeFieldMenu onInsert={insert} />
        </div>
      </div>
      {picking && <ImagePicker onClose={() => setPicking(false)} onPick={(image) => { insert(imageMjml(image)); setPicking(false); }} />}
      <div className={`flex-1 ${mode === 'visual' ? 'min-h-[560px]' : 'min-h-[320px]'}`}>
        {mode === 'code'
          ? <MjmlEditor ref={editor} value={value} onChange={onChange} problemLines={problemLines} label={t('editor.bodyLabel')} />
          : <Suspense fallback={<Spinner />}><VisualEditor ref={editor} value={value} onChange={onChange} /></Suspense>}
      </div>
    </>
  );
}
