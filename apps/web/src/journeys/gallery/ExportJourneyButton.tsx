// "Export": the journey as a journey file (docs/journey-format.md), downloaded as <name>.journey.json.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPCClient } from '../../trpc';
import { Button } from '../../ui/kit';

const fileName = (name: string) => `${name.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'journey'}.journey.json`;

export function ExportJourneyButton({ id, flush }: { id: string; flush(): Promise<void> }) {
  const client = useTRPCClient();
  const { t } = useTranslation('gallery');
  const download = useMutation({
    mutationFn: async () => {
      await flush(); // the file holds what the canvas shows, unsaved edits included
      const file = await client.journeys.exportFile.query({ id });
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName(file.name) });
      link.click();
      URL.revokeObjectURL(url);
    },
  });
  return (
    <Button variant="ghost" icon="download" onClick={() => download.mutate()} disabled={download.isPending}
      title={download.isError ? download.error.message : t('export.hint')} data-testid="export-journey">
      {t('export.label')}
    </Button>
  );
}
