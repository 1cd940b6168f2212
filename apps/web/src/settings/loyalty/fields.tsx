// The small pieces every section of the Loyalty settings is made of: a titled section, a number
// field and a switch, each with the server's message for its field shown beneath it.
import type { ReactNode } from 'react';
import { inputClass } from '../../ui/kit';

/** The server's field messages by path ('rewards.0.points'), in the user's language. */
export type FieldErrors = Record<string, string>;

/** A new row's stable id (tiers and rewards are named by it, never by their place or name). */
export const newId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** The number typed, or NaN for an empty field: the server then says it must be a number. */
const numberOf = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));

export function FieldError({ message }: { message?: string }) {
  return message ? <p className="mt-1 text-xs font-medium text-rose-600" role="alert">{message}</p> : null;
}

export function Section({ title, subtitle, testId, children }: { title: string; subtitle: string; testId: string; children: ReactNode }) {
  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid={testId}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="mt-1 text-sm text-slate-500">{subtitle}</p>
      <div className="mt-5">{children}</div>
    </section>
  );
}

interface NumberFieldProps {
  id: string; label: string; value: number; onChange(value: number): void;
  error?: string; disabled?: boolean; suffix?: string; width?: string; min?: number; step?: number;
}

export function NumberField({ id, label, value, onChange, error, disabled, suffix, width = 'w-28', min = 0, step = 1 }: NumberFieldProps) {
  return (
    <div className="min-w-0">
      <label className="block text-xs font-medium text-slate-600" htmlFor={id}>{label}</label>
      <div className="mt-1 flex items-center gap-2">
        <input id={id} type="number" min={min} step={step} disabled={disabled} className={`${inputClass} ${width}`}
          value={Number.isNaN(value) ? '' : value} aria-invalid={!!error} onChange={(e) => onChange(numberOf(e.target.value))} />
        {suffix && <span className="text-sm text-slate-500">{suffix}</span>}
      </div>
      <FieldError message={error} />
    </div>
  );
}

export function Toggle({ label, checked, onChange, disabled }: { label: string; checked: boolean; onChange(on: boolean): void; disabled?: boolean }) {
  return (
    <label className="flex cursor-pointer items-center gap-2 text-sm font-medium text-slate-700">
      <input type="checkbox" className="h-4 w-4 rounded border-slate-300 text-violet-600 focus:ring-violet-500" checked={checked}
        disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
