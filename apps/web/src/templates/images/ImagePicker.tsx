// The code view's image button: upload a picture or pick one uploaded before (newest first), and
// its <mj-image> goes in at the cursor. The visual editor offers the same images in GrapesJS's
// own image picker (visual/useGrapes.ts).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { Button, Dialog, ErrorNote, Spinner } from '../../ui/kit';
import { useImageUpload, type UploadedImage } from './uploadImage';

export function ImagePicker({ onPick, onClose }: { onPick(image: UploadedImage): void; onClose(): void }) {
  const { t } = useTranslation('email-editor');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const images = useQuery(trpc.emailImages.list.queryOptions());
  const upload = useImageUpload();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const image = await upload(file);
      await queryClient.invalidateQueries({ queryKey: trpc.emailImages.list.queryKey() });
      onPick(image);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('images.title')} onClose={onClose}>
      <div className="space-y-3">
        <label className="block text-sm font-medium text-slate-700">{t('images.upload')}
          <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" disabled={busy} data-testid="image-upload"
            onChange={(e) => void onFile(e.target.files?.[0])}
            className="mt-1 block w-full text-xs text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-violet-50 file:px-3 file:py-1.5 file:text-violet-700" />
        </label>
        <p className="text-xs text-slate-500">{t('images.rules')}</p>
        {busy && <Spinner label={t('images.uploading')} />}
        {error !== null && <ErrorNote error={error} />}
        {images.isPending && <Spinner />}
        {images.data && images.data.length === 0 && <p className="text-xs text-slate-500">{t('images.none')}</p>}
        <div className="grid max-h-72 grid-cols-3 gap-2 overflow-y-auto" data-testid="image-list">
          {images.data?.map((image) => (
            <button key={image.id} type="button" title={`${image.name} · ${image.width}×${image.height}`} onClick={() => onPick(image)}
              className="overflow-hidden rounded-lg bg-slate-50 ring-1 ring-slate-200 hover:ring-2 hover:ring-violet-500">
              <img src={image.url} alt={image.name} className="h-20 w-full object-contain" />
              <span className="block truncate px-1 py-0.5 text-[10px] text-slate-500">{image.name}</span>
            </button>
          ))}
        </div>
        <div className="flex justify-end"><Button onClick={onClose}>{t('images.close')}</Button></div>
      </div>
    </Dialog>
  );
}
