// Users (owners and admins): who shares this shop and with which role, the invitations still
// open, and the changes: invite, resend or revoke an invitation, change a role, remove a user.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../app/me';
import { useTRPC, type Api, type inferOutput } from '../trpc';
import { Badge, Button, Card, ErrorNote, PageHeader, Spinner, formatDate, relativeTime } from '../ui/kit';
import { InviteDialog } from './InviteDialog';
import { useLocale } from '../ui/locale';
import { ROLE_IDS } from './roles';

type Team = inferOutput<Api['users']['list']>;

function MemberRow({ member, isOwner }: { member: Team['members'][number]; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('team');
  useLocale(); // dates follow a language switch
  const [confirming, setConfirming] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const changeRole = useMutation(trpc.users.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.users.remove.mutationOptions({ onSuccess: refresh }));
  const locked = member.you || (member.role === 'owner' && !isOwner);
  const error = changeRole.error ?? remove.error;
  return (
    <li className="flex flex-wrap items-center gap-4 px-5 py-3" data-testid="member-row">
      <div className="flex h-9 w-9 items-center justify-center rounded-full bg-violet-100 text-sm font-semibold text-violet-700">
        {(member.name || member.email).slice(0, 1).toUpperCase()}
      </div>
      <div className="min-w-0 flex-1">
        <div className="truncate text-sm font-medium text-slate-900">{member.name || member.email} {member.you && <Badge tone="info">{t('you')}</Badge>}</div>
        <div className="truncate text-xs text-slate-500">{t('joined', { email: member.email, date: formatDate(member.createdAt, false) })}</div>
        {error && <div className="mt-1 text-xs text-rose-600" role="alert">{error.message}</div>}
      </div>
      <select aria-label={t('roleOf', { email: member.email })} value={member.role} disabled={locked || changeRole.isPending}
        onChange={(e) => changeRole.mutate({ userId: member.id, role: e.target.value as typeof member.role })}
        className="rounded-lg border-0 bg-white py-1.5 pl-3 pr-8 text-sm ring-1 ring-slate-200 disabled:bg-slate-50 disabled:text-slate-500">
        {ROLE_IDS.filter((id) => isOwner || id !== 'owner' || member.role === 'owner').map((id) => <option key={id} value={id}>{t(`role.${id}`)}</option>)}
      </select>
      <div className="w-44 text-right">
        {!locked && !confirming && <Button variant="ghost" onClick={() => setConfirming(true)}>{t('remove')}</Button>}
        {!locked && confirming && (
          <span className="inline-flex gap-1">
            <Button variant="ghost" onClick={() => setConfirming(false)}>{t('keep')}</Button>
            <Button variant="danger" onClick={() => remove.mutate({ userId: member.id })} disabled={remove.isPending}>{t('removeNow')}</Button>
          </span>
        )}
      </div>
    </li>
  );
}

function InvitationRow({ invitation }: { invitation: Team['invitations'][number] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('team');
  useLocale(); // dates follow a language switch
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const resend = useMutation(trpc.users.resendInvitation.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.users.revokeInvitation.mutationOptions({ onSuccess: refresh }));
  const expired = new Date(invitation.expiresAt) < new Date();
  return (
    <li className="flex flex-wrap items-center gap-4 px-5 py-3" data-testid="invitation-row">
      <div className="min-w-0 flex-1">
        <div className="truncate text-sm font-medium text-slate-900">{invitation.email}</div>
        <div className="text-xs text-slate-500">
          {t('invitedBy', { role: t(`role.${invitation.role}`), by: invitation.invitedBy || t('someoneGone'), when: relativeTime(invitation.createdAt) })}
        </div>
      </div>
      {expired ? <Badge tone="error">{t('expired')}</Badge> : <Badge tone="paused">{t('expires', { date: formatDate(invitation.expiresAt, false) })}</Badge>}
      {resend.isSuccess && <span className="text-xs text-emerald-600">{t('sentAgain')}</span>}
      <Button variant="ghost" icon="mail" onClick={() => resend.mutate({ id: invitation.id })} disabled={resend.isPending}>{t('resend')}</Button>
      <Button variant="ghost" onClick={() => revoke.mutate({ id: invitation.id })} disabled={revoke.isPending}>{t('revoke')}</Button>
    </li>
  );
}

export function UsersPage() {
  const trpc = useTRPC();
  const me = useMe();
  const team = useQuery(trpc.users.list.queryOptions());
  const { t } = useTranslation('team');
  const [inviting, setInviting] = useState(false);
  const isOwner = me?.role === 'owner';
  return (
    <div className="mx-auto max-w-4xl p-8">
      <PageHeader title={t('title')} subtitle={t('subtitle')}
        actions={<Button variant="primary" icon="plus" onClick={() => setInviting(true)} data-testid="invite">{t('invite')}</Button>} />
      {team.isPending && <Spinner />}
      {team.isError && <ErrorNote error={team.error} />}
      {team.data && (
        <div className="space-y-8">
          <Card><ul className="divide-y divide-slate-100">{team.data.members.map((m) => <MemberRow key={m.id} member={m} isOwner={isOwner} />)}</ul></Card>
          <section>
            <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{t('openInvitations')}</h2>
            {team.data.invitations.length === 0
              ? <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-500">{t('noInvitations')}</p>
              : <Card><ul className="divide-y divide-slate-100">{team.data.invitations.map((i) => <InvitationRow key={i.id} invitation={i} />)}</ul></Card>}
          </section>
          <section>
            <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{t('rolesTitle')}</h2>
            <Card className="grid gap-x-6 gap-y-3 p-5 sm:grid-cols-2">
              {ROLE_IDS.map((id) => <div key={id}><div className="text-sm font-medium text-slate-900">{t(`role.${id}`)}</div><div className="text-xs text-slate-500">{t(`roleHelp.${id}`)}</div></div>)}
            </Card>
          </section>
        </div>
      )}
      {inviting && <InviteDialog isOwner={isOwner} onClose={() => setInviting(false)} />}
    </div>
  );
}
