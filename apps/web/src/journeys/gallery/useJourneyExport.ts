// "Export": the journey as a journey file (docs/journey-format.md), downloaded as <name>.journey.json.
// A hook, so the editor's "More" menu offers it as one of its items.
import { useMutation } from '@tanstack/react-query';
import { useTRPCClient } from '../../trpc';

const fileName = (name: string) => `${name.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'journey'}.journey.json`;

export function useJourneyExport(id: string, flush: () => Promise<void>) {
  const client = useTRPCClient();
  return useMutation({
    mutationFn: async () => {
      await flush(); // the file holds what the canvas shows, unsaved edits included
      const file = await client.journeys.exportFile.query({ id });
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName(file.name) });
      link.click();
      URL.revokeObjectURL(url);
    },
  });
}
