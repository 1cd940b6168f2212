// Widgets whose choices come from the workspace's data.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';
import { inputClass } from '../ui/kit';

export function SegmentSelect({ id, value, onChange, className = '' }: { id: string; value: string; onChange(v: string): void; className?: string }) {
  const trpc = useTRPC();
  const segments = useQuery(trpc.segments.list.queryOptions());
  const known = segments.data?.some((s) => s.id === value);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} ${className}`}
      disabled={segments.isPending}>
      <option value="">{segments.isPending ? 'Loading segments…' : 'Choose a segment…'}</option>
      {value && segments.data && !known && <option value={value}>Missing segment ({value})</option>}
      {segments.data?.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.memberCount.toLocaleString()})</option>)}
    </select>
  );
}

export function EmailTemplateSelect({ id, value, onChange, className = '' }: { id: string; value: string; onChange(v: string): void; className?: string }) {
  const trpc = useTRPC();
  const templates = useQuery(trpc.templates.list.queryOptions());
  const known = templates.data?.some((t) => t.id === value);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} ${className}`}
      disabled={templates.isPending}>
      <option value="">{templates.isPending ? 'Loading templates…' : 'No template: write the email here'}</option>
      {value && templates.data && !known && <option value={value}>Missing template ({value})</option>}
      {templates.data?.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
    </select>
  );
}

export function EventNameInput({ id, value, onChange, className = '' }: { id: string; value: string; onChange(v: string): void; className?: string }) {
  const trpc = useTRPC();
  const names = useQuery(trpc.events.names.queryOptions());
  return (
    <>
      <input id={id} type="text" list={`${id}-names`} value={value} onChange={(e) => onChange(e.target.value)}
        placeholder="e.g. Order Completed" autoComplete="off" className={`${inputClass} ${className}`} />
      <datalist id={`${id}-names`}>
        {names.data?.map((n) => <option key={n} value={n} />)}
      </datalist>
    </>
  );
}
