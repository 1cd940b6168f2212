// API replies (tRPC and the REST JSON routes) compressed on the fly when they are worth it:
// above a kilobyte and when the client says it accepts br or gzip. The `compression` middleware
// sets Vary: Accept-Encoding, leaves small replies and already-encoded ones alone, and only
// touches the response, so gzip request bodies (ingestion) are read as before.
import compression from 'compression';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const middleware = compression({ threshold: 1024 });

export function compressed(handler: Handler): Handler {
  return (req, res) => new Promise<void>((resolve, reject) => {
    // The middleware is typed for Express; it uses only Node's own request and response.
    middleware(req as never, res as never, (err?: unknown) => {
      if (err) return reject(err instanceof Error ? err : new Error(String(err)));
      Promise.resolve(handler(req, res)).then(resolve, reject);
    });
  });
}
