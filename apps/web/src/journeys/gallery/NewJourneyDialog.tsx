// "Blank journey" asks for the journey's name first: a journey drawn from scratch has no
// template title to start from, and a list of "Blank journey" drafts helps nobody.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Button, Dialog, inputClass } from '../../ui/kit';

export function NewJourneyDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const trpc = useTRPC();
  const { t } = useTranslation('journeys');
  const [name, setName] = useState('');
  const create = useMutation(trpc.journeys.create.mutationOptions({ onSuccess: ({ id }) => onCreated(id) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) create.mutate({ name: name.trim() });
  };
  return (
    <Dialog title={t('dialog.title')} onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <label className="block text-sm font-medium text-slate-700">
          {t('dialog.name')}
          <input className={`${inputClass} mt-1`} value={name} onChange={(e) => setName(e.target.value)} autoFocus
            placeholder={t('dialog.namePlaceholder')} maxLength={120} />
        </label>
        {create.isError && <p role="alert" className="text-sm text-rose-600">{create.error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t('dialog.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={!name.trim() || create.isPending}>{t('dialog.create')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
