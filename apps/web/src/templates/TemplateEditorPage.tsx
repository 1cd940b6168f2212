// The template editor: name and type, subject and preview text, the MJML code editor, and
// a live preview filled with a real customer's data. Save writes a new version; a broken
// template is refused with each problem and its line (marked in the editor too).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Icon } from '../ui/icons';
import { Badge, Button, ErrorNote, inputClass, Spinner } from '../ui/kit';
import { useDebounced } from '../ui/useDebounced';
import { HistoryDialog } from './HistoryDialog';
import { MERGE_FIELDS } from './mergeFields';
import { MjmlEditor, type MjmlEditorHandle } from './MjmlEditor';
import { PreviewPane } from './PreviewPane';
import { SendTestDialog } from './SendTestDialog';

interface Draft { name: string; kind: 'marketing' | 'transactional'; subject: string; preheader: string; body: string }
interface Issue { field: string; message: string }

export function TemplateEditorPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const template = useQuery({ ...trpc.templates.get.queryOptions({ id }), staleTime: 0 });
  if (template.isPending) return <Spinner />;
  if (template.isError) return <ErrorNote error={template.error} />;
  const { name, kind, subject, preheader, body, version, usedBy } = template.data;
  return <TemplateEditor id={id} version={version} usedBy={usedBy}
    initial={{ name, kind: kind === 'transactional' ? 'transactional' : 'marketing', subject, preheader, body }} />;
}

const linesOf = (issues: Issue[]) =>
  issues.filter((i) => i.field === 'body').map((i) => Number(/^line (\d+):/.exec(i.message)?.[1])).filter(Number.isFinite);

interface Use { journeyId: string; name: string; status: string }

function TemplateEditor({ id, version, usedBy, initial }: { id: string; version: number; usedBy: Use[]; initial: Draft }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState<Draft>(initial);
  const [customerId, setCustomerId] = useState('');
  const [testing, setTesting] = useState(false);
  const [history, setHistory] = useState(false);
  const [savedVersion, setSavedVersion] = useState(version);
  const editor = useRef<MjmlEditorHandle>(null);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const customers = useQuery(trpc.templates.previewCustomers.queryOptions({ search: '' }));
  useEffect(() => { if (!customerId && customers.data?.[0]) setCustomerId(customers.data[0].id); }, [customerId, customers.data]);

  const content = useDebounced({ subject: draft.subject, preheader: draft.preheader, body: draft.body }, 350);
  const preview = useQuery({
    ...trpc.templates.preview.queryOptions({ ...content, customerId }),
    enabled: customerId !== '' && content.body.trim() !== '', placeholderData: keepPreviousData, retry: false,
  });
  const save = useMutation(trpc.templates.save.mutationOptions({
    onSuccess: (result, input) => {
      if (!result.ok) return;
      setSavedVersion(result.version);
      setSaved({ name: input.name, kind: input.kind, subject: input.subject, preheader: input.preheader ?? '', body: input.body });
      void queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.templates.get.queryKey({ id }) });
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
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const email = preview.data?.ok ? preview.data.email : null;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-6 py-3">
        <Link to="/templates" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800"><Icon name="arrowLeft" /> Templates</Link>
        <div className="w-72">
          <input aria-label="Template name" className={`${inputClass} font-semibold`} value={draft.name} onChange={(e) => set('name')(e.target.value)} />
        </div>
        <div className="w-44">
          <select aria-label="Email type" className={inputClass} value={draft.kind} onChange={(e) => set('kind')(e.target.value as Draft['kind'])}>
            <option value="marketing">Marketing</option>
            <option value="transactional">Transactional</option>
          </select>
        </div>
        <span className="text-xs text-slate-400" data-testid="template-version">
          Version {savedVersion}{dirty ? ' · unsaved changes' : ' · saved'}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <Button icon="undo" onClick={() => setHistory(true)}>History</Button>
          <Button icon="mail" onClick={() => setTesting(true)} disabled={!customerId}>Send a test</Button>
          <Button variant="primary" icon="check" disabled={save.isPending || !draft.name.trim()} onClick={saveNow} title="Save (Ctrl+S)">
            {save.isPending ? 'Saving…' : 'Save'}
          </Button>
        </div>
      </div>
      {usedBy.length > 0 && <UsedBy uses={usedBy} />}
      <div className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-2">
        <div className="flex min-h-0 flex-col border-r border-slate-200 bg-white">
          <div className="space-y-2 border-b border-slate-200 p-4">
            <label className="block text-xs font-semibold text-slate-600">Subject
              <input className={`${inputClass} mt-1 font-normal`} value={draft.subject} onChange={(e) => set('subject')(e.target.value)} />
            </label>
            <label className="block text-xs font-semibold text-slate-600">Preview text
              <input className={`${inputClass} mt-1 font-normal`} value={draft.preheader} placeholder="Shown after the subject in most inboxes" onChange={(e) => set('preheader')(e.target.value)} />
            </label>
          </div>
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-4 py-1.5">
            <span className="text-xs font-semibold text-slate-500">Body (MJML)</span>
            <select aria-label="Insert merge field" value="" className="rounded-md bg-white px-2 py-1 text-xs text-slate-700 ring-1 ring-slate-200"
              onChange={(e) => { if (e.target.value) editor.current?.insert(e.target.value); }}>
              <option value="">Insert merge field…</option>
              {MERGE_FIELDS.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.fields.map((f) => <option key={f.label} value={f.snippet}>{f.label}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="min-h-[320px] flex-1">
            <MjmlEditor ref={editor} value={draft.body} onChange={set('body')} problemLines={linesOf(issues)} label="MJML body" />
          </div>
          <IssueList issues={issues} refused={refused.length > 0} saveError={save.error?.message} />
        </div>
        <div className="min-h-[480px]">
          <PreviewPane customerId={customerId} onCustomer={setCustomerId} email={email} preheader={draft.preheader}
            updating={preview.isFetching} failed={preview.isError || preview.data?.ok === false} />
        </div>
      </div>
      {history && <HistoryDialog id={id} current={savedVersion} onClose={() => setHistory(false)}
        onOpen={(content) => { setDraft((d) => ({ ...d, ...content })); setHistory(false); }} />}
      {testing && <SendTestDialog onClose={() => setTesting(false)} request={{ templateId: id, customerId, subject: draft.subject, preheader: draft.preheader, body: draft.body }} />}
    </div>
  );
}

/** Saving makes a new version; journeys keep the one they were published with. */
function UsedBy({ uses }: { uses: Use[] }) {
  return (
    <div className="flex flex-wrap items-center gap-1 border-b border-violet-100 bg-violet-50/70 px-6 py-1.5 text-xs text-violet-900" data-testid="template-used-by">
      <span>Sent by</span>
      {uses.map((u, i) => (
        <span key={u.journeyId}>
          <Link to={`/journeys/${u.journeyId}`} className="font-semibold underline decoration-violet-300 hover:text-violet-700">{u.name}</Link>
          {u.status !== 'live' && <span className="text-violet-500"> ({u.status})</span>}{i < uses.length - 1 ? ',' : ''}
        </span>
      ))}
      <span className="text-violet-700">· journeys keep the version they were published with: publish them again to send your changes.</span>
    </div>
  );
}

function IssueList({ issues, refused, saveError }: { issues: Issue[]; refused: boolean; saveError?: string }) {
  if (issues.length === 0 && !saveError) {
    return <div className="flex items-center gap-1.5 border-t border-slate-200 px-4 py-2 text-xs text-emerald-700"><Icon name="check" /> No problems found</div>;
  }
  return (
    <div className="max-h-40 overflow-auto border-t border-rose-200 bg-rose-50/60 px-4 py-2" role="alert" data-testid="template-issues">
      <div className="mb-1 flex items-center gap-2 text-xs font-semibold text-rose-700">
        <Icon name="alert" /> {refused ? 'Not saved: fix these first' : `${issues.length} problem${issues.length === 1 ? '' : 's'}`}
        {refused && <Badge tone="error">refused</Badge>}
      </div>
      {saveError && <p className="text-xs text-rose-700">{saveError}</p>}
      <ul className="space-y-0.5">
        {issues.map((i) => <li key={`${i.field}:${i.message}`} className="font-mono text-xs text-rose-800">{i.field}: {i.message}</li>)}
      </ul>
    </div>
  );
}
