// "New journey": the gallery of the playbook's journeys (and a blank one, named first), each ready to use as a
// draft with its emails in every language, and the import of a journey file.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRouter } from '../../app/router';
import { useTRPC } from '../../trpc';
import { ErrorNote, PageHeader, Spinner } from '../../ui/kit';
import { GalleryCard } from './GalleryCard';
import { ImportCard } from './ImportCard';
import { NewJourneyDialog } from './NewJourneyDialog';

export function JourneyGalleryPage() {
  const trpc = useTRPC();
  const { t } = useTranslation('gallery');
  const { navigate } = useRouter();
  const queryClient = useQueryClient();
  const gallery = useQuery(trpc.journeys.gallery.queryOptions());
  const opened = (id: string) => {
    void queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
    navigate(`/journeys/${id}`);
  };
  const [naming, setNaming] = useState(false);
  const use = useMutation(trpc.journeys.useGalleryTemplate.mutationOptions({ onSuccess: ({ id }) => opened(id) }));
  return (
    <div className="mx-auto max-w-6xl p-8">
      <Link to="/journeys" className="text-sm text-slate-500 hover:text-violet-700">{t('back')}</Link>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {gallery.isPending && <Spinner />}
      {gallery.isError && <ErrorNote error={gallery.error} />}
      {use.isError && <ErrorNote error={use.error} />}
      {gallery.data && (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
          {gallery.data.map((entry) => (
            <GalleryCard key={entry.key} entry={entry} busy={use.isPending} 
              onUse={() => (entry.key === 'blank' ? setNaming(true) : use.mutate({ key: entry.key }))} />
          ))}
          <ImportCard onImported={opened} />
        </div>
      )}
      {naming && <NewJourneyDialog onClose={() => setNaming(false)} onCreated={opened} />}
    </div>
  );
}
