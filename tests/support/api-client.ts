// A real HTTP server with the tRPC handler on a free port, and typed clients that keep
// their own cookie jar (one per signed-in person).
import { createTrpcHandler, hashPassword, type ApiDeps, type AppRouter } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

export async function startApiServer(deps: ApiDeps): Promise<ApiServer> {
  const handle = createTrpcHandler(deps);
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A client with its own cookie jar; `headers` go with every request (e.g. accept-language). */
export function apiClient(baseUrl: string, headers: Record<string, string> = {}) {
  const jar = { cookie: '', setCookies: [] as string[] };
  const trpc = createTRPCClient<AppRouter>({
    links: [httpBatchLink({
      url: `${baseUrl}/trpc`,
      headers: () => (jar.cookie ? { ...headers, cookie: jar.cookie } : headers),
      fetch: async (input, init) => {
        const res = await fetch(input as string, init as RequestInit);
        for (const c of res.headers.getSetCookie()) {
          jar.setCookies.push(c);
          jar.cookie = c.split(';')[0];
        }
        return res;
      },
    })],
  });
  return { trpc, jar };
}

export type ApiClient = ReturnType<typeof apiClient>['trpc'];

/** The tRPC error code of a rejected call (fails the test when the call succeeds). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- data differs per error; tests read the fields they expect.
export async function errorOf(call: Promise<unknown>): Promise<{ code: string; message: string; data: any }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TRPCClientError) return { code: err.data?.code, message: err.message, data: err.data };
    throw err;
  }
  throw new Error('expected the call to be rejected, but it succeeded');
}

export async function seedUser(
  database: Database, user: { id: string; workspaceId: string; email: string; password: string; role: string },
) {
  await database.sql`insert into users (id, workspace_id, email, name, password_hash, role)
    values (${user.id}, ${user.workspaceId}, ${user.email}, ${user.id}, ${await hashPassword(user.password)}, ${user.role})`;
}

/** A client signed in as the user (email, password): every call carries that user's session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<ApiClient> {
  const { trpc } = apiClient(baseUrl);
  await trpc.auth.login.mutate({ email, password });
  return trpc;
}

/** For API tests that render no template a request brings: any use fails the test. */
export const unusedTemplateSandbox: ApiDeps['templateSandbox'] = {
  check: async () => { throw new Error('this test renders no template'); },
  preview: async () => { throw new Error('this test renders no template'); },
};
