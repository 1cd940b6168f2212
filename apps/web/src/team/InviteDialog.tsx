// Invite someone by email with a role: the link arrives through the outbox.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../settings/SettingsPage';
import { useTRPC } from '../trpc';
import { Button, Dialog, inputClass } from '../ui/kit';
import { ROLE_IDS, type RoleId } from './roles';

export function InviteDialog({ isOwner, onClose }: { isOwner: boolean; onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('team');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<RoleId>('marketer');
  const invite = useMutation(trpc.users.invite.mutationOptions({
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }); onClose(); },
  }));
  const errors = fieldErrors(invite.error);
  const roles = ROLE_IDS.filter((id) => isOwner || id !== 'owner');
  return (
    <Dialog title={t('invite.title')} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); invite.mutate({ email, role }); }}>
        <label className="block text-sm font-medium text-slate-700" htmlFor="invite-email">{t('invite.email')}</label>
        <input id="invite-email" type="email" className={`${inputClass} mt-1.5`} value={email} onChange={(e) => setEmail(e.target.value)}
          placeholder={t('invite.emailPlaceholder')} maxLength={320} required />
        {errors.email && <p className="mt-1.5 text-sm text-rose-600" role="alert">{errors.email}</p>}
        <fieldset className="mt-4">
          <legend className="text-sm font-medium text-slate-700">{t('invite.role')}</legend>
          <div className="mt-1.5 space-y-1.5">
            {roles.map((id) => (
              <label key={id} className={`flex cursor-pointer items-start gap-3 rounded-lg p-2 ring-1 ${role === id ? 'bg-violet-50 ring-violet-300' : 'ring-slate-200 hover:bg-slate-50'}`}>
                <input type="radio" name="role" className="mt-1 accent-violet-600" checked={role === id} onChange={() => setRole(id)} />
                <span><span className="block text-sm font-medium text-slate-900">{t(`role.${id}`)}</span><span className="block text-xs text-slate-500">{t(`roleHelp.${id}`)}</span></span>
              </label>
            ))}
          </div>
        </fieldset>
        {errors.role && <p className="mt-1.5 text-sm text-rose-600" role="alert">{errors.role}</p>}
        {invite.error && !errors.email && !errors.role && <p className="mt-1.5 text-sm text-rose-600" role="alert">{invite.error.message}</p>}
        <p className="mt-4 text-xs text-slate-500">{t('invite.help', { days: 7 })}</p>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" icon="mail" disabled={invite.isPending}>{invite.isPending ? t('invite.sending') : t('invite.send')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
