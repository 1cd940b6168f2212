// "Send a test email": what is in the editor now, rendered for the preview customer, goes
// through the real outbox and mailer (in development: the Outbox page) to one of the
// addresses a test may go to: the workspace's users, or those the owner approved.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Button, Dialog, ErrorNote, inputClass, Spinner } from '../ui/kit';

export function SendTestDialog({ onClose, request }: {
  onClose(): void;
  request: { templateId: string; customerId: string; subject: string; preheader: string; body: string };
}) {
  const trpc = useTRPC();
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
    <Dialog title="Send a test email" onClose={onClose}>
      {result?.ok ? (
        <div className="space-y-4 text-sm text-slate-600" role="status">
          <p>Sent to <strong>{to}</strong>, marked “[Test]”. In development it arrives on the <Link to="/outbox" className="font-medium text-violet-700 underline">Outbox</Link> page.</p>
          <div className="flex justify-end"><Button variant="primary" onClick={onClose}>Done</Button></div>
        </div>
      ) : (
        <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); send.mutate({ ...request, to }); }}>
          {recipients.isPending && <Spinner />}
          {recipients.isError && <ErrorNote error={recipients.error} />}
          {recipients.data && (
            <label className="block text-sm font-medium text-slate-700">Send to
              <select className={`${inputClass} mt-1`} value={to} onChange={(e) => { setTo(e.target.value); send.reset(); }}>
                <optgroup label="Users of this workspace">
                  {users.map((r) => <option key={r.email} value={r.email}>{r.name ? `${r.name} <${r.email}>` : r.email}</option>)}
                </optgroup>
                {approved.length > 0 && (
                  <optgroup label="Approved by the owner">
                    {approved.map((r) => <option key={r.email} value={r.email}>{r.email}</option>)}
                  </optgroup>
                )}
              </select>
            </label>
          )}
          <p className="text-xs text-slate-500">
            Filled with the preview customer’s data, exactly as it looks on the right. Tests go only to this workspace’s users and
            the addresses the owner approved under <Link to="/settings" className="font-medium text-violet-700 underline">Settings → Sending limits</Link>.
          </p>
          {send.isError && <p className="text-xs text-rose-600" role="alert">{send.error.message}</p>}
          {result && !result.ok && result.issues.map((i) => <p key={i.message} className="text-xs text-rose-600" role="alert">{i.message}</p>)}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" type="submit" disabled={send.isPending || !to}>{send.isPending ? 'Sending…' : 'Send test'}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
