// The template editor: name and type, a tab per language (subject, preview text and MJML body
// each), and a live preview filled with a real customer's data in the language of the tab
// (Serbian in either script). Save writes a new version with every language; a broken template
// is refused with each problem, its language and its line (marked in the editor too).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLeaveGuard } from '../app/router';
import { useTRPC } from '../trpc';
import { Icon } from '../ui/icons';
import { Button, ErrorNote, inputClass, Spinner } from '../ui/kit';
import { useDebounced } from '../ui/useDebounced';
import { draftOf, issuesOf, previewLocale, textOf, withText, type Draft, type Language, type SerbianLocale, type Text } from './draft';
import { BodyEditor } from './BodyEditor';
import { IssueList, UsedBy, type Issue, type Use } from './EditorNotes';
import { HistoryDialog } from './HistoryDialog';
import { LanguageTabs } from './LanguageTabs';
import { PreviewPane } from './PreviewPane';
import { SendTestDialog } from './SendTestDialog';
import type { BodyMode } from './visual/BodyModeSwitch';
import { TemplateSenderButton } from './TemplateSenderButton';

export function TemplateEditorPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const template = useQuery({ ...trpc.templates.get.queryOptions({ id }), staleTime: 0 });
  if (template.isPending) return <Spinner />;
  if (template.isError) return <ErrorNote error={template.error} />;
  return <TemplateEditor id={id} version={template.data.version} usedBy={template.data.usedBy} initial={draftOf(template.data)} />;
}

const linesOf = (issues: Issue[]) =>
  issues.filter((i) => i.field === 'body').map((i) => Number(/^line (\d+):/.exec(i.message)?.[1])).filter(Number.isFinite);

function TemplateEditor({ id, version, usedBy, initial }: { id: string; version: number; usedBy: Use[]; initial: Draft }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('templates');
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState<Draft>(initial);
  const [active, setActive] = useState<Language>(initial.language);
  const [serbian, setSerbian] = useState<SerbianLocale>('sr-Cyrl');
  const [customerId, setCustomerId] = useState('');
  const [testing, setTesting] = useState(false);
  const [history, setHistory] = useState(false);
  const [savedVersion, setSavedVersion] = useState(version);
  const [mode, setMode] = useState<BodyMode>('code');
  const text = textOf(draft, active);
  const set = (key: keyof Text) => (value: string) => setDraft((d) => withText(d, active, { [key]: value }));

  const customers = useQuery(trpc.templates.previewCustomers.queryOptions({ search: '' }));
  useEffect(() => { if (!customerId && customers.data?.[0]) setCustomerId(customers.data[0].id); }, [customerId, customers.data]);

  const { name: _, kind: __, ...content } = draft;
  const locale = previewLocale(active, serbian);
  const request = useDebounced({ ...content, locale }, 350);
  const preview = useQuery({
    ...trpc.templates.preview.queryOptions({ ...request, customerId }),
    enabled: customerId !== '' && text.body.trim() !== '', placeholderData: keepPreviousData, retry: false,
  });
  const save = useMutation(trpc.templates.save.mutationOptions({
    onSuccess: (result, input) => {
      if (!result.ok) return;
      setSavedVersion(result.version);
      // The input is a draft of this editor (saveNow), so its variants are whole texts.
      setSaved(draftOf({ ...input, preheader: input.preheader ?? '', language: input.language ?? 'en', variants: (input.variants ?? {}) as Draft['variants'] }));
      void queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.templates.get.queryKey({ id }) });
      // A saved body may link or unlink saved blocks: their "used by" counts change with it.
      void queryClient.invalidateQueries({ queryKey: trpc.emailBlocks.list.queryKey() });
    },
  }));

  // Ctrl/⌘+S saves, as in every editor; the browser's "save page" would be no use here.
  const saveNow = () => { if (!save.isPending && draft.name.trim()) save.mutate({ id, ...draft, name: draft.name.trim() }); };
  const saveRef = useRef(saveNow);
  saveRef.current = saveNow;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') { e.preventDefault(); saveRef.current(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A refusal describes the draft it was given: once the author edits, the live check takes over.
  useEffect(() => { if (save.data && !save.data.ok) save.reset(); }, [draft]); // eslint-disable-line react-hooks/exhaustive-deps
  const refused = save.data && !save.data.ok ? save.data.issues : [];
  // A preview refused outright (a template stopped at the sandbox's time limit) is a problem like the others.
  const previewRefusal: Issue[] = preview.isError ? [{ field: preview.error.data?.field ?? 'template', message: preview.error.message }] : [];
  const issues: Issue[] = refused.length ? refused : preview.isError ? previewRefusal : preview.data?.issues ?? [];
  const tabIssues = refused.length ? issuesOf(refused, draft, active) : issues;
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  // Warned, not autosaved: each save is a new version journeys' emails use, so it stays a decision.
  useLeaveGuard(dirty);
  const email = preview.data?.ok ? preview.data.email : null;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-6 py-3">
        <Link to="/templates" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800"><Icon name="arrowLeft" /> {t('title')}</Link>
        <div className="w-72">
          <input aria-label={t('editor.name')} className={`${inputClass} font-semibold`} value={draft.name} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} />
        </div>
        <div className="w-44">
          <select aria-label={t('editor.kind')} className={inputClass} value={draft.kind} onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as Draft['kind'] }))}>
            <option value="marketing">{t('kind.marketing')}</option>
            <option value="transactional">{t('kind.transactional')}</option>
          </select>
        </div>
        <span className="text-xs text-slate-400" data-testid="template-version">
          {t(dirty ? 'editor.versionUnsaved' : 'editor.versionSaved', { version: savedVersion })}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <TemplateSenderButton id={id} />
          <Button icon="undo" onClick={() => setHistory(true)}>{t('editor.history')}</Button>
          <Button icon="mail" onClick={() => setTesting(true)} disabled={!customerId}>{t('editor.sendTest')}</Button>
          <Button variant="primary" icon="check" disabled={save.isPending || !draft.name.trim()} onClick={saveNow} title={t('editor.saveHint')}>
            {save.isPending ? t('editor.saving') : t('editor.save')}
          </Button>
        </div>
      </div>
      {usedBy.length > 0 && <UsedBy uses={usedBy} />}
      <div className={`grid min-h-0 flex-1 grid-cols-1 ${mode === 'visual' ? 'lg:grid-cols-[minmax(0,1fr)_400px]' : 'lg:grid-cols-2'}`}>
        <div className="flex min-h-0 flex-col border-r border-slate-200 bg-white">
          <LanguageTabs draft={draft} active={active} onActive={setActive} onChange={setDraft} />
          <div className="space-y-2 border-b border-slate-200 p-4">
            <label className="block text-xs font-semibold text-slate-600">{t('editor.subject')}
              <input className={`${inputClass} mt-1 font-normal`} value={text.subject} onChange={(e) => set('subject')(e.target.value)} />
            </label>
            <label className="block text-xs font-semibold text-slate-600">{t('editor.preheader')}
              <input className={`${inputClass} mt-1 font-normal`} value={text.preheader} placeholder={t('editor.preheaderHint')} onChange={(e) => set('preheader')(e.target.value)} />
            </label>
          </div>
          <BodyEditor key={active} mode={mode} onMode={setMode} value={text.body} onChange={set('body')} problemLines={linesOf(tabIssues)} />
          <IssueList issues={issues} refused={refused.length > 0} saveError={save.error?.message} />
        </div>
        <div className="min-h-[480px]">
          <PreviewPane customerId={customerId} onCustomer={setCustomerId} email={email} preheader={text.preheader}
            updating={preview.isFetching} failed={preview.isError || preview.data?.ok === false}
            serbian={active === 'sr' ? { script: serbian, onScript: setSerbian } : null} shownLocale={preview.data?.locale ?? null} />
        </div>
      </div>
      {history && <HistoryDialog id={id} current={savedVersion} onClose={() => setHistory(false)}
        onOpen={(version) => {
          const opened = draftOf({ ...version, name: draft.name, kind: draft.kind });
          setDraft(opened);
          setActive(opened.language);
          setHistory(false);
        }} />}
      {testing && <SendTestDialog onClose={() => setTesting(false)} request={{ templateId: id, customerId, ...content, locale }} />}
    </div>
  );
}
