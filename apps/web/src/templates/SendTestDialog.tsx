// "Send a test email": what is in the editor now (the language and script previewed), rendered for the preview customer, goes
// through the real outbox and mailer (in development: the Outbox page) to one of the
// addresses a test may go to: the workspace's users, or those the owner approved.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Locale } from '@afterglow/i18n';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Button, Dialog, ErrorNote, inputClass, Spinner } from '../ui/kit';
import type { Language, Text } from './draft';

export function SendTestDialog({ onClose, request }: {
  onClose(): void;
  request: Text & { templateId: string | null; customerId: string; language: Language; variants: Partial<Record<Language, Text>>; locale: Locale };
}) {
  const trpc = useTRPC();
  const { t } = useTranslation('templates');
  const recipients = useQuery(trpc.templates.testRecipients.queryOptions());
  const me = useQuery(trpc.auth.me.queryOptions());
  const [to, setTo] = useState('');
  // The signed-in user's own address first: the usual place to look at a test.
  useEffect(() => {
    const list = recipients.data;
    if (!to && list?.length) setTo(list.find((r) => r.email === me.data?.email.toLowerCase())?.email ?? list[0].email);
  }, [to, recipients.data, me.data]);
  const send = useMutation(trpc.templates.sendTest.mutationOptions());
  const result = send.data;
  const users = recipients.data?.filter((r) => r.source === 'user') ?? [];
  const approved = recipients.data?.filter((r) => r.source === 'approved') ?? [];
  return (
    <Dialog title={t('test.title')} onClose={onClose}>
      {result?.ok ? (
        <div className="space-y-4 text-sm text-slate-600" role="status">
          <p>{t('test.sent', { to })} <Link to="/outbox" className="font-medium text-violet-700 underline">{t('test.openOutbox')}</Link></p>
          <div className="flex justify-end"><Button variant="primary" onClick={onClose}>{t('test.done')}</Button></div>
        </div>
      ) : (
        <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); send.mutate({ ...request, to }); }}>
          {recipients.isPending && <Spinner />}
          {recipients.isError && <ErrorNote error={recipients.error} />}
          {recipients.data && (
            <label className="block text-sm font-medium text-slate-700">{t('test.to')}
              <select className={`${inputClass} mt-1`} value={to} onChange={(e) => { setTo(e.target.value); send.reset(); }}>
                <optgroup label={t('test.users')}>
                  {users.map((r) => <option key={r.email} value={r.email}>{r.name ? `${r.name} <${r.email}>` : r.email}</option>)}
                </optgroup>
                {approved.length > 0 && (
                  <optgroup label={t('test.approved')}>
                    {approved.map((r) => <option key={r.email} value={r.email}>{r.email}</option>)}
                  </optgroup>
                )}
              </select>
            </label>
          )}
          <p className="text-xs text-slate-500">
            {t('test.explain')} <Link to="/settings" className="font-medium text-violet-700 underline">{t('test.settingsLink')}</Link>
          </p>
          {send.isError && <p className="text-xs text-rose-600" role="alert">{send.error.message}</p>}
          {result && !result.ok && result.issues.map((i) => <p key={i.message} className="text-xs text-rose-600" role="alert">{i.message}</p>)}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>{t('test.cancel')}</Button>
            <Button variant="primary" type="submit" disabled={send.isPending || !to}>{send.isPending ? t('test.sending') : t('test.send')}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
