// What the condition inputs suggest: the shop's categories, brands and event names, and the
// other segments (for "in segment") and the loyalty tiers. Loaded once per editor; datalists render once.
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { useTRPC } from '../trpc';

interface Vocabulary {
  segments: { id: string; name: string }[];
  /** The shop's loyalty tiers, lowest first, and what their thresholds measure. */
  tiers: { id: string; name: string; threshold: number }[];
  tierBasis: 'points' | 'spend';
  selfId: string | null;
}
const VocabularyContext = createContext<Vocabulary>({ segments: [], tiers: [], tierBasis: 'points', selfId: null });
export const useVocabulary = () => useContext(VocabularyContext);

export const LIST_IDS = { categories: 'seg-categories', brands: 'seg-brands', events: 'seg-events' } as const;

export function VocabularyProvider({ selfId, children }: { selfId: string | null; children: ReactNode }) {
  const trpc = useTRPC();
  const words = useQuery(trpc.segments.vocabulary.queryOptions());
  const segments = useQuery(trpc.segments.list.queryOptions());
  const value: Vocabulary = {
    segments: (segments.data ?? []).filter((s) => s.id !== selfId).map((s) => ({ id: s.id, name: s.name })),
    tiers: words.data?.tiers ?? [],
    tierBasis: words.data?.tierBasis ?? 'points',
    selfId,
  };
  return (
    <VocabularyContext.Provider value={value}>
      {children}
      {(Object.keys(LIST_IDS) as (keyof typeof LIST_IDS)[]).map((key) => (
        <datalist key={key} id={LIST_IDS[key]}>
          {(words.data?.[key] ?? []).map((v) => <option key={v} value={v} />)}
        </datalist>
      ))}
    </VocabularyContext.Provider>
  );
}
