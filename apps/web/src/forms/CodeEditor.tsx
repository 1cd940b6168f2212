// The code widget's editor: CodeMirror 6 with the field's language highlighted (JSON, HTML,
// Liquid; MJML as HTML). Loaded on demand by CodeField: forms without code never download it.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { html } from '@codemirror/lang-html';
import { json } from '@codemirror/lang-json';
import { liquid } from '@codemirror/lang-liquid';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import type { FieldMeta } from '@afterglow/node-sdk';
import { useEffect, useRef } from 'react';

const languages: Record<NonNullable<FieldMeta['language']>, () => Extension> = {
  json: () => json(), html: () => html(), mjml: () => html(), liquid: () => liquid(), text: () => [],
};

/** At least `rows` lines tall, scrolling past 30. */
const themeOf = (rows: number) => EditorView.theme({
  '&': { fontSize: '12px', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', lineHeight: '1.55', maxHeight: '46.5em' },
  '.cm-content, .cm-gutter': { minHeight: `${rows * 1.55}em` },
  '.cm-gutters': { backgroundColor: '#f8fafc', color: '#94a3b8', borderRight: '1px solid #e2e8f0' },
  '&.cm-focused': { outline: 'none' },
});

interface CodeEditorProps {
  id: string;
  label: string;
  value: string;
  onChange(next: string): void;
  language: NonNullable<FieldMeta['language']>;
  disabled: boolean;
  invalid: boolean;
  rows: number;
}

export default function CodeEditor({ id, label, value, onChange, language, disabled, invalid, rows }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const editable = useRef(new Compartment());
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      doc: value,
      extensions: [
        lineNumbers(), history(), bracketMatching(), languages[language](), syntaxHighlighting(defaultHighlightStyle),
        // No Tab binding: Tab leaves the editor, as it leaves every other field of the form.
        keymap.of([...defaultKeymap, ...historyKeymap]), EditorView.lineWrapping, themeOf(rows),
        editable.current.of(EditorView.editable.of(!disabled)),
        EditorView.contentAttributes.of({ id, 'aria-label': label, 'data-testid': `${id}-code` }),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChangeRef.current(u.state.doc.toString()); }),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor owns its document once mounted; outside changes arrive through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.current.reconfigure(EditorView.editable.of(!disabled)) });
  }, [disabled]);

  return (
    <div ref={host} className={`overflow-hidden rounded-lg border shadow-sm ${invalid ? 'border-rose-300' : 'border-slate-200'} focus-within:border-violet-500 focus-within:ring-1 focus-within:ring-violet-500`} />
  );
}
