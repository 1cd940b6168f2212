// "Save as block": the selected section under a name, for any template of the workspace. A name
// already in use replaces that block for later inserts; templates that hold a copy keep theirs
// (said here, so no one expects them to change).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Button, Dialog, inputClass } from '../../ui/kit';

export interface SavedBlock { id: string; name: string; mjml: string }

export function SaveBlockDialog({ mjml, saved, onClose }: { mjml: string; saved: SavedBlock[]; onClose(): void }) {
  const { t } = useTranslation('email-editor');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const existing = saved.find((b) => b.name === name.trim());
  const save = useMutation(trpc.emailBlocks.save.mutationOptions({
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.emailBlocks.list.queryKey() });
      onClose();
    },
  }));
  return (
    <Dialog title={t('saved.dialogTitle')} onClose={onClose}>
      <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); save.mutate({ id: existing?.id ?? null, name: name.trim(), mjml }); }}>
        <label className="block text-sm font-medium text-slate-700">{t('saved.name')}
          <input className={`${inputClass} mt-1`} value={name} list="saved-block-names" maxLength={80} placeholder={t('saved.namePlaceholder')}
            onChange={(e) => { setName(e.target.value); save.reset(); }} />
          <datalist id="saved-block-names">{saved.map((b) => <option key={b.id} value={b.name} />)}</datalist>
        </label>
        <p className="text-xs text-slate-500">{existing ? t('saved.replaces', { name: existing.name }) : t('saved.explain')}</p>
        {save.isError && <p className="text-xs text-rose-600" role="alert">{save.error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t('saved.cancel')}</Button>
          <Button variant="primary" type="submit" disabled={save.isPending || !name.trim()}>{existing ? t('saved.replace') : t('saved.save')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
