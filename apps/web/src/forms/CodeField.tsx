// The code, json and mjml widgets. The CodeMirror editor arrives in its own chunk when a form
// first shows code; until then a plain text area edits the same value. JSON is checked as it
// is typed (merge fields allowed in a text field); a field holding a parsed value (an object)
// keeps its last valid value while the text does not parse.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '@afterglow/node-sdk';
import { inputClass } from '../ui/kit';
import { invalidClass, type FieldProps } from './fieldProps';
import { jsonTemplateProblem, jsonTextOf, parseJsonText, type JsonProblem } from './jsonText';

const CodeEditor = lazy(() => import('./CodeEditor'));

type CodeWidget = 'code' | 'json' | 'mjml';
const ROWS: Record<CodeWidget, number> = { code: 8, json: 8, mjml: 14 };

export function CodeField({ widget, field, value, onChange, id, path, form }: FieldProps & { widget: CodeWidget }) {
  const { t } = useTranslation('forms');
  const say = (p: JsonProblem) => (p.kind === 'empty' ? t('json.empty')
    : p.line === null ? t('json.invalid', { detail: p.detail }) : t('json.invalidAt', { line: p.line, detail: p.detail }));
  const language: NonNullable<FieldMeta['language']> = widget === 'code' ? field.language ?? 'text' : widget;
  // Text is stored as it is typed; anything else (an object, a list) is stored parsed.
  const storesText = field.type === 'string' || (field.type === undefined && typeof value === 'string');
  const parsed = useParsedDraft(value, onChange, !storesText);
  const text = storesText ? (typeof value === 'string' ? value : '') : parsed.text;
  const edit = storesText ? (next: string) => onChange(next) : parsed.edit;
  const schemaError = form.errors.has(path);
  const ownProblem = storesText ? (language === 'json' ? jsonTemplateProblem(text) : null) : parsed.problem;
  const label = field.label ?? path;
  const fallback = (
    <textarea id={id} rows={ROWS[widget]} spellCheck={false} value={text} onChange={(e) => edit(e.target.value)} aria-label={label}
      className={`${inputClass} ${invalidClass(schemaError || ownProblem !== null)} resize-y font-mono text-xs leading-relaxed`} />
  );
  return (
    <>
      <Suspense fallback={fallback}>
        <CodeEditor id={id} label={label} value={text} onChange={edit} language={language} disabled={form.disabled}
          invalid={schemaError || ownProblem !== null} rows={ROWS[widget]} />
      </Suspense>
      {/* The schema's message, shown under the field by the form, comes first. */}
      {ownProblem && !schemaError && <p className="mt-1 text-xs font-medium text-rose-600" data-testid={`json-problem-${path}`}>{say(ownProblem)}</p>}
    </>
  );
}

/** The text of a parsed value being edited: the value follows the text whenever the text parses. */
function useParsedDraft(value: unknown, onChange: (next: unknown) => void, enabled: boolean) {
  const [text, setText] = useState(() => (enabled ? jsonTextOf(value) : ''));
  const [synced, setSynced] = useState(value);
  // A value that did not come from this text (undo, another node) replaces the text.
  if (enabled && value !== synced) {
    setSynced(value);
    setText(jsonTextOf(value));
  }
  const result = parseJsonText(text);
  return {
    text,
    problem: result.ok ? null : result.problem,
    edit(next: string) {
      setText(next);
      const r = parseJsonText(next);
      if (r.ok) { setSynced(r.value); onChange(r.value); }
    },
  };
}
