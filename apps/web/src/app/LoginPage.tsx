// Sign-in. Too many failed attempts make the server refuse for a while (429): the page says
// how long, and keeps the button off until then, counting down.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { Button, inputClass } from '../ui/kit';

/** Seconds left until `until` (epoch ms), re-rendering every second until then; 0 once passed or without one. */
function useSecondsLeft(until: number | null): number {
  const [, tick] = useState(0);
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      tick((n) => n + 1);
      if (Date.now() >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

const clockText = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

export function LoginPage() {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const login = useMutation(trpc.auth.login.mutationOptions({
    onSuccess: (user) => queryClient.setQueryData(trpc.auth.me.queryKey(), user),
    onError: (error) => {
      const seconds = error.data?.retryAfterSeconds;
      setRetryAt(seconds ? Date.now() + seconds * 1000 : null);
    },
  }));
  const secondsLeft = useSecondsLeft(retryAt);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email, password });
  };
  return (
    <div className="flex min-h-full items-center justify-center bg-gradient-to-br from-violet-50 via-white to-amber-50 p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center">
          <span className="mb-3 h-12 w-12 rounded-full bg-gradient-to-br from-violet-600 via-fuchsia-500 to-amber-300 shadow-lg" />
          <h1 className="text-2xl font-semibold tracking-tight">{t('login.title')}</h1>
          <p className="mt-1 text-sm text-slate-500">{t('login.subtitle')}</p>
        </div>
        <form onSubmit={submit} className="space-y-4 rounded-2xl bg-white p-6 shadow-lg ring-1 ring-slate-200">
          <label className="block text-sm font-medium text-slate-700">
            {t('login.email')}
            <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)}
              className={`${inputClass} mt-1`} placeholder={t('login.emailPlaceholder')} />
          </label>
          <label className="block text-sm font-medium text-slate-700">
            {t('login.password')}
            <input type="password" autoComplete="current-password" required value={password}
              onChange={(e) => setPassword(e.target.value)} className={`${inputClass} mt-1`} />
          </label>
          {login.isError && (
            <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200">
              {login.error.message || t('login.wrong')}
            </p>
          )}
          <Button type="submit" variant="primary" className="w-full py-2" disabled={login.isPending || secondsLeft > 0}>
            {login.isPending ? t('login.submitting') : secondsLeft > 0 ? t('login.retryIn', { time: clockText(secondsLeft) }) : t('login.submit')}
          </Button>
        </form>
      </div>
    </div>
  );
}
