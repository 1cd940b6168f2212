// The only door to the server: tRPC over same-origin HTTP with the session cookie.
// Only the router's TYPE is imported; no server code reaches the bundle.
import type { AppRouter } from '@afterglow/api';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Procedure types for components: `inferOutput<Api['journeys']['get']>`. */
export type Api = TRPCOptionsProxy<AppRouter>;
export type { inferInput, inferOutput } from '@trpc/tanstack-react-query';

export function createQueryClient(): QueryClient {
  // A session that expired mid-work: re-ask auth.me, which returns null and shows the login page.
  const onError = (error: unknown) => {
    if (!isUnauthorized(error)) return;
    void client.invalidateQueries({ predicate: (q) => {
      const path = q.queryKey[0];
      return Array.isArray(path) && path.join('.') === 'auth.me';
    } });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 5_000, retry: (count, error) => !isUnauthorized(error) && count < 2, refetchOnWindowFocus: false },
    },
  });
  return client;
}

export function createClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/trpc', fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }) })],
  });
}

export function isUnauthorized(error: unknown): boolean {
  const data = (error as { data?: { code?: string } } | null)?.data;
  return data?.code === 'UNAUTHORIZED';
}

/** A message fit for a person: tRPC errors carry the server's message. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
