// Widgets whose choices come from the workspace's data. Each says what to do when there is
// nothing to choose yet; links open in a new tab, so the journey being edited stays open, and
// the list is asked for again when the marketer comes back to this tab.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { inputClass } from '../ui/kit';

interface PickerProps { id: string; value: string; onChange(v: string): void; className?: string }

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return <p className="mt-1 text-xs text-slate-500" data-testid={`${id}-hint`}>{children}</p>;
}

function NewTabLink({ href, children }: { href: string; children?: ReactNode }) {
  return <a href={href} target="_blank" rel="noopener" className="font-medium text-violet-700 hover:text-violet-900">{children}</a>;
}

export function SegmentSelect({ id, value, onChange, className = '' }: PickerProps) {
  const { t } = useTranslation('forms');
  const trpc = useTRPC();
  const segments = useQuery({ ...trpc.segments.list.queryOptions(), refetchOnWindowFocus: true });
  const known = segments.data?.some((s) => s.id === value);
  return (
    <>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} ${className}`}
        disabled={segments.isPending}>
        <option value="">{segments.isPending ? t('segment.loading') : segments.data?.length === 0 ? t('segment.none') : t('segment.choose')}</option>
        {value && segments.data && !known && <option value={value}>{t('segment.missing', { id: value })}</option>}
        {segments.data?.map((s) => <option key={s.id} value={s.id}>{s.memberCount === null ? s.name : t('segment.option', { name: s.name, count: s.memberCount })}</option>)}
      </select>
      {segments.data?.length === 0 && (
        <Hint id={id}><Trans t={t} i18nKey="segment.hint" components={{ link: <NewTabLink href="/segments/new" /> }} /></Hint>
      )}
      {segments.isError && <Hint id={id}>{t('segment.failed')}</Hint>}
    </>
  );
}

export function EmailTemplateSelect({ id, value, onChange, className = '' }: PickerProps) {
  const { t } = useTranslation('forms');
  const trpc = useTRPC();
  const templates = useQuery({ ...trpc.templates.list.queryOptions(), refetchOnWindowFocus: true });
  const known = templates.data?.some((t) => t.id === value);
  return (
    <>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} ${className}`}
        disabled={templates.isPending}>
        <option value="">{templates.isPending ? t('template.loading') : t('template.inline')}</option>
        {value && templates.data && !known && <option value={value}>{t('template.missing', { id: value })}</option>}
        {templates.data?.map((template) => <option key={template.id} value={template.id}>{template.name}</option>)}
      </select>
      {templates.data?.length === 0 && (
        <Hint id={id}><Trans t={t} i18nKey="template.hint" components={{ link: <NewTabLink href="/templates" /> }} /></Hint>
      )}
      {templates.isError && <Hint id={id}>{t('template.failed')}</Hint>}
    </>
  );
}
