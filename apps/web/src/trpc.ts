// The only door to the server: tRPC over same-origin HTTP with the session cookie, asking for
// the language the app shows (Accept-Language), so refusals come back in it.
// Only the router's TYPE is imported; no server code reaches the bundle.
import type { AppRouter } from '@afterglow/api';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { i18n } from './i18n';

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
      // A refusal (not found, forbidden, bad input) will not change on retry: show it at once.
      queries: { staleTime: 5_000, retry: (count, error) => !isRefused(error) && count < 2, refetchOnWindowFocus: false },
    },
  });
  return client;
}

/** Past this many characters of JSON, a query's input goes in a POST body: Node refuses request heads over 16 KB. */
const LONGEST_QUERY_INPUT = 4_000;

export function createClient() {
  const options = {
    url: '/trpc',
    headers: () => ({ 'accept-language': i18n.language }),
    fetch: (url: URL | RequestInfo, init?: RequestInit) => fetch(url, { ...init, credentials: 'same-origin' }),
  };
  return createTRPCClient<AppRouter>({
    links: [splitLink({
      condition: (op) => op.type === 'query' && op.input !== undefined && JSON.stringify(op.input).length > LONGEST_QUERY_INPUT,
      true: httpLink({ ...options, methodOverride: 'POST' }),
      false: httpBatchLink(options),
    })],
  });
}

export function isUnauthorized(error: unknown): boolean {
  const data = (error as { data?: { code?: string } } | null)?.data;
  return data?.code === 'UNAUTHORIZED';
}

/** The server refused the request (a 4xx: unauthorized, forbidden, not found, bad input). */
export function isRefused(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}

/** A message fit for a person: tRPC errors carry the server's message; refused input carries its issues as JSON. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (message.startsWith('[')) {
    try {
      const issues = JSON.parse(message) as Array<{ message?: string }>;
      const messages = issues.map((i) => i.message).filter(Boolean);
      if (messages.length) return messages.join('; ');
    } catch { /* not a list of issues: show it as it is */ }
  }
  return message || i18n.t('error.unknown', { ns: 'shell' });
}
