// The first-run page: shown while the installation has no account (production mode, no demo).
// With the set-up code the server printed at start, it creates the owner and their workspace,
// then signs them in; if someone else got there first, it says so and leads to the sign-in page.
// Its words are in the `team` catalogue (firstRun.*), in the browser's language.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Button, inputClass } from '../ui/kit';

interface Issue { field: string; message: string }

// Each field's label and placeholder: firstRun.<key> and firstRun.<key>Placeholder.
const fields = [
  { key: 'setupCode', type: 'text', autoComplete: 'off' },
  { key: 'name', type: 'text', autoComplete: 'name' },
  { key: 'email', type: 'email', autoComplete: 'username' },
  { key: 'password', type: 'password', autoComplete: 'new-password' },
  { key: 'workspaceName', type: 'text', autoComplete: 'organization' },
] as const;
const MIN_PASSWORD = 12;
type Field = (typeof fields)[number]['key'];

export function FirstRunPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('team');
  const [values, setValues] = useState<Record<Field, string>>({ setupCode: '', name: '', email: '', password: '', workspaceName: '' });
  const create = useMutation(trpc.setup.createOwner.mutationOptions({
    onSuccess: (user) => {
      queryClient.setQueryData(trpc.setup.status.queryKey(), { needsOwner: false });
      queryClient.setQueryData(trpc.auth.me.queryKey(), user);
    },
  }));
  const issues = (create.error as { data?: { issues?: Issue[] | null } } | null)?.data?.issues ?? [];
  const refusedField = (create.error as { data?: { field?: string | null } } | null)?.data?.field;
  const errorOf = (field: Field) => issues.find((i) => i.field === field)?.message ?? (refusedField === field ? create.error?.message : undefined);
  const taken = (create.error as { data?: { code?: string } } | null)?.data?.code === 'CONFLICT';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(values);
  };

  return (
    <div className="flex min-h-full items-center justify-center bg-gradient-to-br from-violet-50 via-white to-amber-50 p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <span className="mb-3 h-12 w-12 rounded-full bg-gradient-to-br from-violet-600 via-fuchsia-500 to-amber-300 shadow-lg" />
          <h1 className="text-2xl font-semibold tracking-tight">{t('firstRun.title')}</h1>
          <p className="mt-1 text-sm text-slate-500">{t('firstRun.subtitle')}</p>
        </div>
        <form onSubmit={submit} className="space-y-4 rounded-2xl bg-white p-6 shadow-lg ring-1 ring-slate-200">
          {fields.map((f) => (
            <label key={f.key} className="block text-sm font-medium text-slate-700">
              {t(`firstRun.${f.key}`)}
              <input type={f.type} autoComplete={f.autoComplete} placeholder={t(`firstRun.${f.key}Placeholder`, { min: MIN_PASSWORD })} required
                value={values[f.key]} minLength={f.key === 'password' ? MIN_PASSWORD : undefined}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                aria-invalid={errorOf(f.key) ? true : undefined} className={`${inputClass} mt-1`} />
              {errorOf(f.key) && <span className="mt-1 block text-xs font-normal text-rose-600">{errorOf(f.key)}</span>}
            </label>
          ))}
          {create.isError && !issues.length && !refusedField && (
            <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200">
              {create.error.message || t('firstRun.failed')}
            </p>
          )}
          {taken ? (
            <Button variant="primary" className="w-full py-2" onClick={() => void queryClient.invalidateQueries({ queryKey: trpc.setup.status.queryKey() })}>
              {t('firstRun.toSignIn')}
            </Button>
          ) : (
            <Button type="submit" variant="primary" className="w-full py-2" disabled={create.isPending}>
              {create.isPending ? t('firstRun.creating') : t('firstRun.submit')}
            </Button>
          )}
        </form>
      </div>
    </div>
  );
}
