// GET /img/<workspace>/<id>.<ext>: an image uploaded for emails, shown by every mail client that
// opens one (so public, any origin). The id is random and never reused, so an address always
// serves the same bytes: cacheable for ever. The type is the one read from the bytes at upload,
// and nosniff keeps browsers from guessing another; an unknown address is a 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { typeOfExtension } from '../email-content/image-file';
import { sendJson } from '../ingest/http-io';
import { pathSegment } from './path-segment';
import type { PublicDeps } from './types';

export const EMAIL_IMAGE_PATH = /^\/img\/([^/]+)\/([A-Za-z0-9_-]{22})\.(png|jpg|gif|webp)$/;

const notFound = (res: ServerResponse) => sendJson(res, 404, { error: 'No such image' });

export async function handleEmailImage(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Only GET is served here' }, { allow: 'GET, HEAD' });
  const [, rawWorkspace, id, ext] = EMAIL_IMAGE_PATH.exec(pathname) ?? [];
  const workspaceId = rawWorkspace ? pathSegment(rawWorkspace) : null;
  const expected = ext ? typeOfExtension(ext) : null;
  if (!workspaceId || !id || !expected) return notFound(res);
  const [image] = await deps.database.sql<{ bytes: Buffer; contentType: string }[]>`
    select bytes, content_type as "contentType" from email_images where workspace_id = ${workspaceId} and id = ${id}`;
  if (!image || image.contentType !== expected) return notFound(res);
  const etag = `"${id}"`;
  const headers = {
    etag, 'cache-control': 'public, max-age=31536000, immutable', 'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'cross-origin',
  };
  if (req.headers['if-none-match']?.split(',').some((tag) => tag.trim() === etag)) return void res.writeHead(304, headers).end();
  res.writeHead(200, { ...headers, 'content-type': image.contentType, 'content-length': image.bytes.length });
  res.end(req.method === 'HEAD' ? undefined : image.bytes);
}
