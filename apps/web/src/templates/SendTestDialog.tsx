// "Send a test email": what is in the editor now, rendered for the preview customer, goes
// through the real outbox and mailer to any address (in development: the Outbox page).
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '../app/router';
import { useTRPC } from '../trpc';
import { Button, Dialog, inputClass } from '../ui/kit';

export function SendTestDialog({ onClose, request }: {
  onClose(): void;
  request: { templateId: string; customerId: string; subject: string; preheader: string; body: string };
}) {
  const trpc = useTRPC();
  const [to, setTo] = useState('');
  const send = useMutation(trpc.templates.sendTest.mutationOptions());
  const result = send.data;
  return (
    <Dialog title="Send a test email" onClose={onClose}>
      {result?.ok ? (
        <div className="space-y-4 text-sm text-slate-600" role="status">
          <p>Sent to <strong>{to}</strong>, marked “[Test]”. In development it arrives on the <Link to="/outbox" className="font-medium text-violet-700 underline">Outbox</Link> page.</p>
          <div className="flex justify-end"><Button variant="primary" onClick={onClose}>Done</Button></div>
        </div>
      ) : (
        <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); send.mutate({ ...request, to: to.trim() }); }}>
          <label className="block text-sm font-medium text-slate-700">Send to
            <input type="email" required className={`${inputClass} mt-1`} value={to} onChange={(e) => setTo(e.target.value)} placeholder="you@yourshop.com" />
          </label>
          <p className="text-xs text-slate-500">Filled with the preview customer’s data, exactly as it looks on the right.</p>
          {send.isError && <p className="text-xs text-rose-600" role="alert">{send.error.message}</p>}
          {result && !result.ok && result.issues.map((i) => <p key={i.message} className="text-xs text-rose-600" role="alert">{i.message}</p>)}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" type="submit" disabled={send.isPending || !to.trim()}>{send.isPending ? 'Sending…' : 'Send test'}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
