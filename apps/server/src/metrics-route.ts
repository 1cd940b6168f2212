// GET /metrics: the Prometheus exposition. Secure by default: with AFTERGLOW_METRICS_TOKEN set,
// only a request bearing it (Authorization: Bearer <token>) is answered; without one, only a
// scraper on this machine, connecting over loopback and not through a proxy (a proxy on the
// same host would make every visitor look local), so nothing is open to the network unasked.
import { createHash, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const digest = (text: string) => createHash('sha256').update(text).digest();

function refuse(res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ error }));
}

export function createMetricsHandler(opts: { registry: Registry; token?: string }) {
  const wanted = opts.token ? digest(opts.token) : null;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET /metrics', { allow: 'GET, HEAD' });
    if (wanted) {
      const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
      if (!given || !timingSafeEqual(digest(given), wanted)) {
        return refuse(res, 401, 'Send AFTERGLOW_METRICS_TOKEN as a bearer token (Authorization: Bearer <token>)', { 'www-authenticate': 'Bearer' });
      }
    } else {
      const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined;
      if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || proxied) {
        return refuse(res, 403, 'Metrics are served to this machine only; set AFTERGLOW_METRICS_TOKEN to scrape them from elsewhere');
      }
    }
    const body = await opts.registry.metrics();
    res.writeHead(200, { 'content-type': opts.registry.contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/**
 * A `--role=worker` process serves no HTTP, yet steps and delivers: with AFTERGLOW_METRICS_PORT
 * it answers /metrics (and nothing else) on that port, under the same access rule.
 */
export async function serveMetricsAlone(handler: ReturnType<typeof createMetricsHandler>, port: number): Promise<() => Promise<void>> {
  const server = http.createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] !== '/metrics') return refuse(res, 404, 'Only /metrics is served here');
    handler(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Metrics could not be collected');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${port} is taken; set AFTERGLOW_METRICS_PORT to another one`) : err));
    server.listen(port, () => resolve());
  });
  return () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
