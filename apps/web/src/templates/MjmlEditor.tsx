// The MJML code editor: CodeMirror 6 with HTML/XML highlighting (MJML is XML), line
// numbers, undo history, and the lines a template check complained about marked in red.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { html } from '@codemirror/lang-html';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, highlightActiveLine, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';

const setProblemLines = StateEffect.define<number[]>();
const problemLine = Decoration.line({ class: 'cm-problem-line' });

/** Marks the given 1-based lines; replaced wholesale whenever the check's answer changes. */
const problemLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setProblemLines)) continue;
      const builder = new RangeSetBuilder<Decoration>();
      const lines = [...new Set(effect.value)].filter((n) => n >= 1 && n <= tr.state.doc.lines).sort((a, b) => a - b);
      for (const n of lines) { const line = tr.state.doc.line(n); builder.add(line.from, line.from, problemLine); }
      next = builder.finish();
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const theme = EditorView.theme({
  '&': { fontSize: '12.5px', height: '100%', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', lineHeight: '1.6' },
  '.cm-gutters': { backgroundColor: '#f8fafc', color: '#94a3b8', borderRight: '1px solid #e2e8f0' },
  '.cm-activeLine': { backgroundColor: '#f5f3ff80' },
  '.cm-problem-line': { backgroundColor: '#ffe4e6' },
  '&.cm-focused': { outline: 'none' },
});

export interface MjmlEditorHandle {
  /** Puts text at the cursor (replacing a selection), as if typed. */
  insert(text: string): void;
}

export function MjmlEditor({ value, onChange, problemLines: lines, label, ref }:
  { value: string; onChange(next: string): void; problemLines: number[]; label: string; ref?: Ref<MjmlEditorHandle> }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      doc: value,
      extensions: [
        lineNumbers(), history(), highlightActiveLine(), bracketMatching(), html(),
        syntaxHighlighting(defaultHighlightStyle), keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.lineWrapping, problemLines, theme,
        EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'mjml-editor' }),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChangeRef.current(u.state.doc.toString()); }),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor owns its document after mounting; outside changes arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const editor = view.current;
      if (!editor) return;
      editor.dispatch(editor.state.replaceSelection(text));
      editor.focus();
    },
  }), []);

  const key = lines.join(',');
  useEffect(() => {
    view.current?.dispatch({ effects: setProblemLines.of(lines) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return <div ref={host} className="h-full min-h-0 overflow-hidden" />;
}
