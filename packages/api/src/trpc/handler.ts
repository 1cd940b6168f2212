import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentRequestId, withRequestId } from '../request-id';
import type { ApiDeps } from './deps';
import { createContext } from './init';
import { appRouter } from './router';
import { asUnavailable, unavailable } from './unavailable';

const PREFIX = '/trpc/';
/** Drafts carry whole MJML bodies; a journey of many emails is a few MB at most. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

function refuse(res: ServerResponse, status: number, error: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ error }));
}

function decodable(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Serves the tRPC API under /trpc/ (the caller routes /trpc/* here). */
export function createTrpcHandler(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (!pathname.startsWith(PREFIX)) return refuse(res, 404, `No tRPC procedure at ${pathname}`);
    // tRPC decodes the procedure path and would fail on a malformed escape (e.g. %E0%A4%A) with a 500.
    if (!decodable(pathname)) return refuse(res, 400, 'The path has a malformed percent-encoding');
    // The request id is in scope for the error formatter, which answers a 500 with it.
    await withRequestId(res, () => nodeHTTPRequestHandler({
      router: appRouter,
      req,
      res,
      path: pathname.slice(PREFIX.length),
      maxBodySize: MAX_BODY_BYTES,
      // A query whose input outgrows a URL (a template's every language, for its preview and
      // check) comes as a POST; it is still a query (read-only, never audited).
      allowMethodOverride: true,
      createContext: async ({ req: request, res: response }) => {
        const { availability } = deps.database;
        if (!availability.up) throw unavailable(availability);
        return createContext(deps, request, response).catch((err: unknown) => { throw asUnavailable(availability, err); });
      },
      responseMeta: ({ errors }) => (errors.some((e) => e.code === 'SERVICE_UNAVAILABLE')
        ? { headers: { 'retry-after': String(deps.database.availability.retryAfterSeconds) } } : {}),
      onError: ({ error, path }) => {
        // Client mistakes are answered to the client; only server faults are worth a log line.
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          deps.log?.error('tRPC procedure failed', { path, requestId: currentRequestId(), error: String((error.cause ?? error).stack) });
        }
      },
    }));
  };
}
