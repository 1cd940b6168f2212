// GET /reviews/<workspace>/products/<product id>.json: a product's published reviews and their
// average, for the shop's own pages on another origin (docs/reviews.md has the snippet). Public
// and read-only: any origin may read it (CORS *), shared caches may keep it five minutes, and an
// ETag answers a repeated request with a 304. Bad parameters are a 400 naming the field, an
// unknown workspace or product a 404, both JSON.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { sendJson } from '../ingest/http-io';
import { storefrontBody, type StorefrontPage } from './storefront-json';
import { pathSegment } from './path-segment';
import { loadProductReviews } from './storefront-query';
import type { PublicDeps } from './types';

const MAX_PAGE = 50;
const DEFAULT_PAGE = 10;
// Past this, a storefront pages through thousands of reviews: nobody reads that far.
const MAX_OFFSET = 10_000;

export const CORS_HEADERS = {
  'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-expose-headers': 'ETag', 'access-control-max-age': '86400',
};

const refuse = (res: ServerResponse, status: number, field: string, message: string) =>
  sendJson(res, status, { error: message, issues: [{ path: field, message }] }, CORS_HEADERS);

function pageOf(query: URLSearchParams): StorefrontPage | { field: string; message: string } {
  const read = (name: string, fallback: number, max: number, min: number) => {
    const raw = query.get(name);
    return raw === null ? fallback : /^\d{1,6}$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : null;
  };
  const limit = read('limit', DEFAULT_PAGE, MAX_PAGE, 1);
  if (limit === null) return { field: 'limit', message: `limit must be a whole number from 1 to ${MAX_PAGE}` };
  const offset = read('offset', 0, MAX_OFFSET, 0);
  if (offset === null) return { field: 'offset', message: `offset must be a whole number from 0 to ${MAX_OFFSET}` };
  return { limit, offset };
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  Boolean(ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, '') || tag.trim() === '*'));

export async function handleStorefrontReviews(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, rawWorkspace: string, rawProduct: string): Promise<void> {
  if (req.method === 'OPTIONS') return void res.writeHead(204, { ...CORS_HEADERS, 'cache-control': 'public, max-age=86400' }).end();
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendJson(res, 405, { error: 'Only GET (and OPTIONS) are served here' }, { ...CORS_HEADERS, allow: 'GET, HEAD, OPTIONS' });
  }
  const workspaceId = pathSegment(rawWorkspace);
  if (workspaceId === null) return refuse(res, 400, 'workspace', 'workspace is not a workspace id');
  const productId = pathSegment(rawProduct);
  if (productId === null) return refuse(res, 400, 'productId', 'productId must be 1 to 200 characters of text');
  const page = pageOf(new URLSearchParams((req.url ?? '').split('?')[1] ?? ''));
  if ('field' in page) return refuse(res, 400, page.field, page.message);

  const found = await loadProductReviews(deps.database.sql, workspaceId, productId, page);
  if (!found.workspaceKnown) return refuse(res, 404, 'workspace', `No workspace ${workspaceId}`);
  if (!found.productKnown) return refuse(res, 404, 'productId', `No product ${productId} in this workspace`);
  const body = JSON.stringify(storefrontBody(found, { publicUrl: deps.publicUrl?.() ?? '', workspaceId, productId, page }));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { ...CORS_HEADERS, 'cache-control': 'public, max-age=300', etag };
  if (matches(req.headers['if-none-match'], etag)) return void res.writeHead(304, headers).end();
  res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
