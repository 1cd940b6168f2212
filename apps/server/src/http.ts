// The HTTP front door: tRPC under /trpc, REST ingestion under /v1, CSV exports under /exports, webhooks (Shopify's, bounces,
// plugins' routes under /hooks), a health check, and the web app's static files, all with the
// same security headers and an X-Request-Id. While the database is unreachable (its breaker
// open), whatever needs it is answered 503 with Retry-After at once.
import { isPublicPath, requestIdFor, sendUnavailable, withRequestId } from '@afterglow/api';
import type { Database } from '@afterglow/db';
import type { Logger } from '@afterglow/node-sdk';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { compressed } from './compress';
import { createStaticHandler } from './static';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpRoutes {
  database: Database;
  trpc: Handler;
  ingest: Handler;
  /** The loyalty API for the shop's backend: /v1/loyalty/ (balance, rewards, redemption), keyed like ingestion. */
  loyalty?: Handler;
  /** Shopify webhooks: POST /webhooks/shopify. */
  shopify?: Handler;
  /** Bounces and complaints reported after delivery: POST /webhooks/bounces. */
  bounces?: Handler;
  /** Relays' own bounce and complaint webhooks: POST /webhooks/bounces/{ses,sendgrid,postmark,mailgun}. */
  relays?: Handler;
  /** Plugins' routes for their providers' callbacks: /hooks/<plugin id>/<workspace id>/<route path>. */
  hooks?: Handler;
  /** Unsubscribe, preferences, tracking and review links from emails: /u/, /p/, /t/, /r/, My rewards /w/, and referral links /ref/ (isPublicPath). */
  recipients?: Handler;
  /** Full CSV exports of paged lists, signed in by the session: GET /exports/<list>.csv. */
  exports?: Handler;
  /** Prometheus metrics: GET /metrics (metrics-route.ts decides who may read them). */
  metrics?: Handler;
  webDistDir: string;
  log: Logger;
}

// The app loads only its own scripts and styles; email previews (rendered in a sandboxed
// iframe by the Outbox page) may show product images from anywhere over https.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: https:",
  "font-src 'self' data:", "connect-src 'self'", "frame-src 'self'", "frame-ancestors 'none'",
  "base-uri 'self'", "form-action 'self'", "object-src 'none'",
].join('; ');

function securityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  res.setHeader('x-frame-options', 'DENY');
}

export function createRequestListener(routes: HttpRoutes): (req: IncomingMessage, res: ServerResponse) => void {
  const serveStatic = createStaticHandler(routes.webDistDir);
  // JSON APIs compress when large; static files come precompressed; webhooks and hosted pages as they are.
  const trpc = compressed(routes.trpc);
  const ingest = compressed(routes.ingest);
  const loyalty = routes.loyalty && compressed(routes.loyalty);

  const { availability } = routes.database;

  async function healthz(res: ServerResponse) {
    try {
      if (!availability.up) throw new Error('database unreachable');
      await routes.database.sql`select 1`;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ ok: true }));
    } catch (err) {
      availability.report(err);
      res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store', 'retry-after': String(availability.retryAfterSeconds) });
      res.end(JSON.stringify({ ok: false, error: 'database unreachable' }));
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/trpc' || pathname.startsWith('/trpc/')) return trpc(req, res);
    if (pathname.startsWith('/v1/loyalty/') && loyalty) return loyalty(req, res);
    if (pathname.startsWith('/v1/')) return ingest(req, res);
    if (pathname === '/webhooks/shopify' && routes.shopify) return routes.shopify(req, res);
    if (pathname === '/webhooks/bounces' && routes.bounces) return routes.bounces(req, res);
    if (pathname.startsWith('/webhooks/bounces/') && routes.relays) return routes.relays(req, res);
    if (pathname.startsWith('/hooks/') && routes.hooks) return routes.hooks(req, res);
    if (pathname.startsWith('/exports/') && routes.exports) return availability.up ? routes.exports(req, res) : sendUnavailable(res, availability);
    if (pathname === '/healthz') return healthz(res);
    if (pathname === '/metrics' && routes.metrics) return routes.metrics(req, res);
    if (routes.recipients && isPublicPath(pathname)) return availability.up ? routes.recipients(req, res) : sendUnavailable(res, availability);
    return serveStatic(req, res);
  }

  return (req, res) => {
    securityHeaders(res);
    withRequestId(res, () => Promise.resolve(route(req, res))).catch((err: unknown) => {
      if (availability.report(err) && !res.headersSent) return sendUnavailable(res, availability);
      // The stack goes to the log under the request id; the response names only the id.
      const requestId = requestIdFor(res);
      routes.log.error('request failed', { requestId, method: req.method, url: req.url, error: (err as Error)?.stack ?? String(err) });
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ error: `Internal error (request id ${requestId})`, requestId }));
      } else {
        res.destroy();
      }
    });
  };
}
