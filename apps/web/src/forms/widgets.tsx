// Widgets whose choices come from the workspace's data. Each says what to do when there is
// nothing to choose yet; links open in a new tab, so the journey being edited stays open, and
// the list is asked for again when the marketer comes back to this tab.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTRPC } from '../trpc';
import { inputClass } from '../ui/kit';

interface PickerProps { id: string; value: string; onChange(v: string): void; className?: string }

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return <p className="mt-1 text-xs text-slate-500" data-testid={`${id}-hint`}>{children}</p>;
}

function NewTabLink({ href, children }: { href: string; children: ReactNode }) {
  return <a href={href} target="_blank" rel="noopener" className="font-medium text-violet-700 hover:text-violet-900">{children}</a>;
}

export function SegmentSelect({ id, value, onChange, className = '' }: PickerProps) {
  const trpc = useTRPC();
  const segments = useQuery({ ...trpc.segments.list.queryOptions(), refetchOnWindowFocus: true });
  const known = segments.data?.some((s) => s.id === value);
  return (
    <>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} ${className}`}
        disabled={segments.isPending}>
        <option value="">{segments.isPending ? 'Loading segments…' : segments.data?.length === 0 ? 'No segments yet' : 'Choose a segment…'}</option>
        {value && segments.data && !known && <option value={value}>Missing segment ({value})</option>}
        {segments.data?.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.memberCount.toLocaleString()})</option>)}
      </select>
      {segments.data?.length === 0 && <Hint id={id}>No segments yet. <NewTabLink href="/segments/new">Create a segment</NewTabLink>, then choose it here.</Hint>}
      {segments.isError && <Hint id={id}>The segments could not be loaded.</Hint>}
    </>
  );
}

export function EmailTemplateSelect({ id, value, onChange, className = '' }: PickerProps) {
  const trpc = useTRPC();
  const templates = useQuery({ ...trpc.templates.list.queryOptions(), refetchOnWindowFocus: true });
  const known = templates.data?.some((t) => t.id === value);
  return (
    <>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} ${className}`}
        disabled={templates.isPending}>
        <option value="">{templates.isPending ? 'Loading templates…' : 'No template: write the email here'}</option>
        {value && templates.data && !known && <option value={value}>Missing template ({value})</option>}
        {templates.data?.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
      </select>
      {templates.data?.length === 0 && <Hint id={id}>No saved templates yet: write the email below, or <NewTabLink href="/templates">create a template</NewTabLink> to reuse.</Hint>}
      {templates.isError && <Hint id={id}>The templates could not be loaded.</Hint>}
    </>
  );
}

/** Free text, offered the event names the workspace has received (events.names). */
export function EventNameInput({ id, value, onChange, className = '' }: PickerProps) {
  const trpc = useTRPC();
  const names = useQuery(trpc.events.names.queryOptions());
  return (
    <>
      <input id={id} type="text" list={`${id}-names`} value={value} onChange={(e) => onChange(e.target.value)}
        placeholder="e.g. Order Completed" autoComplete="off" className={`${inputClass} ${className}`} />
      <datalist id={`${id}-names`}>
        {names.data?.map((n) => <option key={n} value={n} />)}
      </datalist>
      {names.data?.length === 0 && <Hint id={id}>No events received yet: type the name your shop sends, exactly (e.g. Order Completed).</Hint>}
    </>
  );
}
