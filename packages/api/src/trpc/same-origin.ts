// Cross-site request forgery: a page on another site can make a signed-in browser POST to
// /trpc (a form can send multipart/form-data, which tRPC accepts, and SameSite=Lax still lets
// sibling subdomains send the cookie). Two independent checks refuse it before any procedure
// runs: a mutation's body must be JSON (a form cannot send that, and a cross-site fetch that
// does needs a CORS preflight this server never grants), and a browser's Origin (or, without
// one, Referer) must be the app's own. Clients that send neither (curl, SDKs) carry no cookie
// a third party could borrow, and still need JSON.
import { TRPCError } from '@trpc/server';
import type { IncomingMessage } from 'node:http';

export function refuseCrossSiteWrites(req: Pick<IncomingMessage, 'method' | 'headers'>, publicUrl: string | undefined): void {
  if (req.method !== 'POST') return;
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/json') {
    throw new TRPCError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `tRPC mutations take JSON: send content-type application/json, not "${contentType || 'none'}"`,
    });
  }
  const origin = requestOrigin(req);
  if (origin === undefined || isOwnOrigin(origin, req.headers.host, publicUrl)) return;
  throw new TRPCError({
    code: 'FORBIDDEN',
    message: `Cross-site request refused: ${origin} is not this app's address`
      + `${publicUrl ? ` (${new URL(publicUrl).origin})` : ''}; if it is, set AFTERGLOW_PUBLIC_URL to it`,
  });
}

/** The page's origin a browser names; undefined when the client names none. */
function requestOrigin(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin;
  const referer = req.headers.referer;
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

function isOwnOrigin(origin: string, host: string | undefined, publicUrl: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, privacy redirects) and anything unparsable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (host !== undefined && url.host === host.toLowerCase()) return true;
  return publicUrl !== undefined && url.origin === new URL(publicUrl).origin;
}
