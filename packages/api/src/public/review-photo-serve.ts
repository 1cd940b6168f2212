// GET /reviews/<workspace>/photos/<review id>/<sha256>.<ext>: a review's photo, for the
// customer's own review page and the shop's storefront (any origin may show it). The address
// names the bytes (review-photo.ts), so the reply is cacheable for ever; the type is the one
// decided from the bytes at upload, and nosniff keeps browsers from guessing another. A photo
// replaced since, removed, erased with its customer, or of a review staff hid, is a 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../ingest/http-io';
import { typeOfRef } from './review-photo';
import { CORS_HEADERS } from './storefront-reviews';
import type { PublicDeps } from './types';

const REVIEW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FILE = /^([0-9a-f]{64})\.(jpg|png|webp)$/;

const notFound = (res: ServerResponse) => sendJson(res, 404, { error: 'No such photo' }, CORS_HEADERS);

export async function handleReviewPhoto(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, workspaceId: string | null, reviewId: string, file: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendJson(res, 405, { error: 'Only GET is served here' }, { ...CORS_HEADERS, allow: 'GET, HEAD' });
  }
  const sha256 = FILE.exec(file)?.[1];
  const expected = typeOfRef(file);
  if (!sha256 || !expected || !REVIEW_ID.test(reviewId) || !workspaceId) return notFound(res);
  const [photo] = await deps.database.sql<{ bytes: Buffer; contentType: string }[]>`
    select p.bytes, p.content_type as "contentType" from review_photos p
    join reviews r on r.workspace_id = p.workspace_id and r.id = p.review_id
    where p.workspace_id = ${workspaceId} and p.review_id = ${reviewId} and p.sha256 = ${sha256} and r.status <> 'hidden'`;
  if (!photo || photo.contentType !== expected) return notFound(res);
  const etag = `"${sha256}"`;
  const headers = {
    ...CORS_HEADERS, etag, 'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'cross-origin',
  };
  if (req.headers['if-none-match']?.split(',').some((tag) => tag.trim() === etag)) return void res.writeHead(304, headers).end();
  res.writeHead(200, { ...headers, 'content-type': photo.contentType, 'content-length': photo.bytes.length });
  res.end(req.method === 'HEAD' ? undefined : photo.bytes);
}
