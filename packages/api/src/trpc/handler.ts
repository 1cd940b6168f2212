import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiDeps } from './deps';
import { createContext } from './init';
import { appRouter } from './router';
import { asUnavailable, unavailable } from './unavailable';

const PREFIX = '/trpc/';
/** Drafts carry whole MJML bodies; a journey of many emails is a few MB at most. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** True when tRPC can percent-decode the procedure path (it calls decodeURIComponent, which throws). */
function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Serves the tRPC API under /trpc/ (the caller routes /trpc/* here). */
export function createTrpcHandler(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (!pathname.startsWith(PREFIX) || !decodable(pathname.slice(PREFIX.length))) {
      res.statusCode = 404;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: `No tRPC procedure at ${pathname}` }));
      return;
    }
    await nodeHTTPRequestHandler({
      router: appRouter,
      req,
      res,
      path: pathname.slice(PREFIX.length),
      maxBodySize: MAX_BODY_BYTES,
      createContext: async ({ req: request, res: response }) => {
        const { availability } = deps.database;
        if (!availability.up) throw unavailable(availability);
        return createContext(deps, request, response).catch((err: unknown) => { throw asUnavailable(availability, err); });
      },
      responseMeta: ({ errors }) => (errors.some((e) => e.code === 'SERVICE_UNAVAILABLE')
        ? { headers: { 'retry-after': String(deps.database.availability.retryAfterSeconds) } } : {}),
      onError: ({ error, path }) => {
        // Client mistakes are answered to the client; only server faults are worth a log line.
        if (error.code === 'INTERNAL_SERVER_ERROR') deps.log?.error('tRPC procedure failed', { path, error: String((error.cause ?? error).stack) });
      },
    });
  };
}
