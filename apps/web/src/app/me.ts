// The signed-in user, as auth.me answered (the App has loaded it before any page renders),
// and what their role may call: pages hide what the permission table would refuse.
import { useQuery } from '@tanstack/react-query';
import { useTRPC, type Api, type inferOutput } from '../trpc';

export type Me = NonNullable<inferOutput<Api['auth']['me']>>;

export function useMe(): Me | null {
  const trpc = useTRPC();
  return useQuery({ ...trpc.auth.me.queryOptions(), staleTime: Infinity }).data ?? null;
}

/** Whether the user may call the procedure at `path` (e.g. 'journeys.publish'). */
export function useCan(): (path: string) => boolean {
  const me = useMe();
  return (path) => me?.can.includes(path) ?? false;
}
