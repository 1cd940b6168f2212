// What a plugin route receives: the raw body with parsers, lower-case headers, the query, and
// the URL as the provider called it. Providers sign that public URL (Twilio signs it with the
// posted parameters), so it is rebuilt from AFTERGLOW_PUBLIC_URL rather than from the Host a
// reverse proxy may have rewritten.
import type { RouteRequest } from '@afterglow/node-sdk';
import type { IncomingMessage } from 'node:http';
import { parseJsonBody, refuseBadInput } from '../ingest/http-io';

/** A route's body is refused (413) past this size, before the route runs. */
export const MAX_ROUTE_BODY_BYTES = 1024 * 1024;

/** `publicBase` + the request's path and query: the URL the provider was given (see hookUrl). */
export function publicRequestUrl(publicBase: string, req: IncomingMessage): string {
  return `${publicBase.replace(/\/+$/, '')}${req.url ?? '/'}`;
}

export function routeRequest(req: IncomingMessage, raw: Buffer, publicBase: string): RouteRequest {
  const body = raw.toString('utf8');
  const headers: Record<string, string> = {};
  // Node gives header names in lower case; a repeated header arrives as a list.
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: req.method ?? 'GET',
    url: publicRequestUrl(publicBase, req),
    headers,
    // A repeated parameter keeps its last value, in the query and in a form alike.
    query: Object.fromEntries(new URL(req.url ?? '/', 'http://host').searchParams),
    body,
    form: () => Object.fromEntries(new URLSearchParams(body)),
    // Not JSON, or JSON the input policy refuses: a 400 naming why, unless the route catches it.
    json: () => {
      const value = parseJsonBody(raw);
      refuseBadInput(value, 'The body');
      return value;
    },
  };
}
