import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentRequestId, withRequestId } from '../request-id';
import type { ApiDeps } from './deps';
import { createContext } from './init';
import { appRouter } from './router';

const PREFIX = '/trpc/';
/** Drafts carry whole MJML bodies; a journey of many emails is a few MB at most. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Serves the tRPC API under /trpc/ (the caller routes /trpc/* here). */
export function createTrpcHandler(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (!pathname.startsWith(PREFIX)) {
      res.statusCode = 404;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: `No tRPC procedure at ${pathname}` }));
      return;
    }
    // The request id is in scope for the error formatter, which answers a 500 with it.
    await withRequestId(res, () => nodeHTTPRequestHandler({
      router: appRouter,
      req,
      res,
      path: pathname.slice(PREFIX.length),
      maxBodySize: MAX_BODY_BYTES,
      createContext: ({ req: request, res: response }) => createContext(deps, request, response),
      onError: ({ error, path }) => {
        // Client mistakes are answered to the client; only server faults are worth a log line.
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          console.error(`tRPC ${path ?? '?'} failed (request id ${currentRequestId()}):`, error.cause ?? error);
        }
      },
    }));
  };
}
