// The page an invitation link opens (/invite/TOKEN), signed in or not: who invited them to
// which shop, then a name and a password, and they are in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useRouter } from '../app/router';
import { fieldErrors } from '../settings/SettingsPage';
import { useTRPC } from '../trpc';
import { Button, inputClass, Spinner } from '../ui/kit';

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="flex min-h-full items-center justify-center bg-gradient-to-br from-violet-50 via-white to-amber-50 p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <span className="mb-3 h-12 w-12 rounded-full bg-gradient-to-br from-violet-600 via-fuchsia-500 to-amber-300 shadow-lg" />
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        </div>
        {children}
      </div>
    </div>
  );
}

export function InvitationPage({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const { t } = useTranslation('team');
  const invitation = useQuery({ ...trpc.invitations.lookup.queryOptions({ token }), retry: false });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const accept = useMutation(trpc.invitations.accept.mutationOptions({
    onSuccess: (user) => {
      queryClient.setQueryData(trpc.auth.me.queryKey(), user);
      navigate('/journeys', { replace: true });
    },
  }));
  const errors = fieldErrors(accept.error);
  const submit = (e: FormEvent) => { e.preventDefault(); accept.mutate({ token, name, password }); };

  if (invitation.isPending) return <Frame title={t('invitation.title')}><Spinner label={t('invitation.opening')} /></Frame>;
  if (invitation.isError || invitation.data.state !== 'open') {
    const why = invitation.isError ? invitation.error.message
      : invitation.data.state === 'expired' ? t('invitation.expired') : t('invitation.used');
    return (
      <Frame title={t('invitation.dead')}>
        <p role="alert" className="rounded-2xl bg-white p-6 text-center text-sm text-slate-600 shadow-lg ring-1 ring-slate-200">{why}</p>
        <div className="mt-4 text-center"><Button variant="ghost" onClick={() => navigate('/', { replace: true })}>{t('invitation.toSignIn')}</Button></div>
      </Frame>
    );
  }
  const { email, role, workspaceName } = invitation.data;
  return (
    <Frame title={t('invitation.join', { shop: workspaceName })}>
      <form onSubmit={submit} className="space-y-4 rounded-2xl bg-white p-6 shadow-lg ring-1 ring-slate-200" data-testid="accept-invitation">
        <p className="text-sm text-slate-600">
          <Trans t={t} i18nKey="invitation.invitedAs" values={{ role: t(`role.${role}`), email }} components={{ b: <b /> }} />
        </p>
        <label className="block text-sm font-medium text-slate-700">
          {t('invitation.name')}
          <input autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} className={`${inputClass} mt-1`} maxLength={200} />
          {errors.name && <span className="mt-1 block text-sm text-rose-600" role="alert">{errors.name}</span>}
        </label>
        <label className="block text-sm font-medium text-slate-700">
          {t('invitation.password')}
          <input type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)}
            className={`${inputClass} mt-1`} aria-describedby="password-help" />
          <span id="password-help" className="mt-1 block text-xs font-normal text-slate-500">{t('invitation.passwordHelp', { min: 10 })}</span>
          {errors.password && <span className="mt-1 block text-sm text-rose-600" role="alert">{errors.password}</span>}
        </label>
        {accept.error && !errors.name && !errors.password && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200">{accept.error.message}</p>
        )}
        <Button type="submit" variant="primary" className="w-full py-2" disabled={accept.isPending}>
          {accept.isPending ? t('invitation.joining') : t('invitation.submit')}
        </Button>
      </form>
    </Frame>
  );
}
