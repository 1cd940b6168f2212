// The template body in either view: the MJML code (CodeMirror) or the visual editor (GrapesJS,
// fetched the first time someone opens it, so the code view and every other page never load it).
// Both read and write the same MJML text, so switching views never loses a change.
import { lazy, Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../ui/kit';
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
  return (
    <>
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-4 py-1.5">
        <div className="flex items-center gap-3">
          <span className="text-xs font-semibold text-slate-500">{t('editor.body')}</span>
          <BodyModeSwitch mode={mode} onMode={onMode} />
        </div>
        <MergeFieldMenu onInsert={(snippet) => editor.current?.insert(snippet)} />
      </div>
      <div className={`flex-1 ${mode === 'visual' ? 'min-h-[560px]' : 'min-h-[320px]'}`}>
        {mode === 'code'
          ? <MjmlEditor ref={editor} value={value} onChange={onChange} problemLines={problemLines} label={t('editor.bodyLabel')} />
          : <Suspense fallback={<Spinner />}><VisualEditor ref={editor} value={value} onChange={onChange} /></Suspense>}
      </div>
    </>
  );
}
