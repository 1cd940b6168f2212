// Small shared building blocks so every page looks like the same product. Their own words come
// from the `kit` catalogue; dates and relative times are written by Intl in the user's locale.
import { useEffect, useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../trpc';
import { Icon } from './icons';
import { formatRelativeTime } from '@afterglow/i18n';
import { currentLocale } from './locale';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';
const variants: Record<Variant, string> = {
  primary: 'bg-violet-600 text-white hover:bg-violet-700 shadow-sm disabled:bg-violet-300',
  secondary: 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50 shadow-sm disabled:text-slate-300',
  ghost: 'text-slate-600 hover:bg-slate-100 disabled:text-slate-300',
  danger: 'bg-white text-rose-600 ring-1 ring-rose-200 hover:bg-rose-50 disabled:text-rose-300 disabled:hover:bg-white',
};

export function Button({ variant = 'secondary', icon, children, className = '', ...rest }:
  { variant?: Variant; icon?: string; children?: ReactNode } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" {...rest}
      className={`inline-flex items-center justify-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-medium transition disabled:cursor-not-allowed ${variants[variant]} ${className}`}>
      {icon && <Icon name={icon} />}
      {children}
    </button>
  );
}

const badgeTones = {
  draft: 'bg-slate-100 text-slate-600 ring-slate-200',
  live: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  paused: 'bg-amber-50 text-amber-700 ring-amber-200',
  info: 'bg-violet-50 text-violet-700 ring-violet-200',
  error: 'bg-rose-50 text-rose-700 ring-rose-200',
} as const;

export function Badge({ tone, children, className = '' }: { tone: keyof typeof badgeTones; children: ReactNode; className?: string }) {
  return <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badgeTones[tone]} ${className}`}>{children}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const tone = status === 'live' || status === 'paused' ? status : 'draft';
  const { t } = useTranslation('kit');
  return <Badge tone={tone}>{tone === 'live' && <span className="h-1.5 w-1.5 rounded-full bg-emerald-500" />}{t(`status.${status}`, { defaultValue: status })}</Badge>;
}

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation('kit');
  return (
    <div className="flex items-center gap-2 p-6 text-sm text-slate-500" role="status">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-violet-600" />
      {label ?? t('loading')}
    </div>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  return <div role="alert" className="m-6 self-start rounded-lg bg-rose-50 p-4 text-sm text-rose-700 ring-1 ring-rose-200">{errorMessage(error)}</div>;
}

export function EmptyState({ icon, title, children, action }: { icon: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-8 py-14 text-center">
      <div className="mb-4 rounded-full bg-violet-50 p-3 text-violet-600"><Icon name={icon} className="h-6 w-6" /></div>
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      <div className="mt-2 max-w-md text-sm text-slate-500">{children}</div>
      {action && <div className="mt-6">{action}</div>}
    </div>
  );
}

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-500">{subtitle}</p>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </div>
  );
}

export function Dialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    ref.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center whitespace-normal bg-slate-900/30 p-4 backdrop-blur-sm" onMouseDown={onClose}>
      <div ref={ref} role="dialog" aria-label={title} onMouseDown={(e) => e.stopPropagation()}
        className="w-full max-w-md rounded-2xl bg-white p-6 shadow-xl ring-1 ring-slate-200">
        <h2 className="mb-4 text-lg font-semibold text-slate-900">{title}</h2>
        {children}
      </div>
    </div>
  );
}

export const inputClass =
  'block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-200 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-violet-500 outline-none';

export function Card({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`rounded-xl bg-white shadow-sm ring-1 ring-slate-200 ${className}`}>{children}</div>;
}

/** A date (and time) in the user's locale; a dash for none. Components that show one re-render on a
 * language switch through useTranslation or useLocale. */
export function formatDate(value: string | Date | null | undefined, withTime = true): string {
  if (!value) return '—';
  const d = new Date(value);
  return withTime
    ? d.toLocaleString(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' })
    : d.toLocaleDateString(currentLocale(), { dateStyle: 'medium' });
}

/** "now", "5 minutes ago", "3 hours ago" in the user's locale (Intl's own words); older ones as a date. */
export function relativeTime(value: string | Date): string {
  const date = new Date(value);
  return Date.now() - date.getTime() < 86_400_000 ? formatRelativeTime(currentLocale(), date) : formatDate(value, false);
}
