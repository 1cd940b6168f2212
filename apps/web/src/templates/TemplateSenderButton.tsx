// A template's own sender: a button in the editor's toolbar opening a dialog with the sender
// fields, the workspace's default shown where a field is left empty. Saved on its own (no new
// template version: who an email is from is not part of its text), audited.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_SENDER, SenderFields, type Sender } from '../sender/SenderFields';
import { useTRPC } from '../trpc';
import { fieldErrors } from '../ui/fieldIssues';
import { Button, Dialog } from '../ui/kit';

export function TemplateSenderButton({ id }: { id: string }) {
  const { t } = useTranslation('sender');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon="mail" onClick={() => setOpen(true)} data-testid="template-sender">{t('template.button')}</Button>
      {open && <SenderDialog id={id} onClose={() => setOpen(false)} />}
    </>
  );
}

function SenderDialog({ id, onClose }: { id: string; onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation('sender');
  const own = useQuery({ ...trpc.templates.sender.queryOptions({ id }), staleTime: 0 });
  const workspace = useQuery(trpc.sender.settings.queryOptions());
  const [edited, setEdited] = useState<Sender | null>(null);
  const sender = edited ?? own.data ?? NO_SENDER;
  const save = useMutation(trpc.templates.saveSender.mutationOptions({
    onSuccess: (saved) => { queryClient.setQueryData(trpc.templates.sender.queryKey({ id }), saved.sender); onClose(); },
  }));
  const empty = !sender.fromName && !sender.fromAddress && !sender.replyTo;
  return (
    <Dialog title={t('template.title')} onClose={onClose}>
      <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); save.mutate({ id, sender: empty ? null : sender }); }}>
        <p className="text-sm text-slate-500">{t('template.explain')}</p>
        <SenderFields stacked value={sender} errors={fieldErrors(save.error)} disabled={own.isPending} placeholders={workspace.data}
          onChange={(next) => { setEdited(next); save.reset(); }} />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t('template.cancel')}</Button>
          <Button variant="primary" type="submit" disabled={save.isPending || own.isPending}>{t('template.save')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
