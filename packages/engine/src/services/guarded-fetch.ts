// The `fetch` a service's deliver() is given. A service's target comes from a plugin's code
// and a workspace's settings (a gateway's base URL an admin typed), and the worker calling it
// sits inside the shop's network: like a Call webhook step, it goes only to public addresses.
// The host is resolved and every address checked by the outbound guard (outbound/guard.ts), the connection goes to
// the checked address itself (no second lookup a rebinding DNS answer could change), the whole
// call (answer included) has a deadline, and a redirect is returned as it is, never followed
// (it could point anywhere). Request bodies and headers are what standard fetch would send:
// they are normalised by the platform's own Request.
import type { GuardedFetch } from '@afterglow/node-sdk';
import http from 'node:http';
import https from 'node:https';
import { pinnedLookup, resolveTarget, type Resolver } from '../outbound/guard';

export const SERVICE_FETCH_TIMEOUT_MS = 10_000;
/** More than any provider's answer to one message; a larger one is cut off as a failure. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** Statuses whose Response has no body. */
const NULL_BODY = new Set([204, 205, 304]);

export interface GuardedFetchOptions {
  /** Let private and loopback targets through: tests and development receivers only. */
  allowPrivate: boolean;
  resolve?: Resolver;
  timeoutMs?: number;
}

function toResponse(res: http.IncomingMessage, body: Buffer): Response {
  const status = res.statusCode ?? 0;
  if (status < 200 || status > 599) throw new Error(`the server answered with status ${status}`);
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
  return new Response(NULL_BODY.has(status) ? null : new Uint8Array(body), { status, statusText: res.statusMessage, headers });
}

export function createGuardedFetch(opts: GuardedFetchOptions): GuardedFetch {
  const timeoutMs = opts.timeoutMs ?? SERVICE_FETCH_TIMEOUT_MS;
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`${url.protocol} is not http(s): ${url.origin}`);
    const target = await resolveTarget(url, { allowPrivate: opts.allowPrivate, resolve: opts.resolve, callers: 'outbound calls' });
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : null;
    const headers: Record<string, string | number> = Object.fromEntries(request.headers);
    if (body) headers['content-length'] = body.length;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([deadline, init.signal]) : deadline;
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const fail = (err: Error) => reject(deadline.aborted ? new Error(`no answer within ${timeoutMs / 1000} s`) : err);
      const req = client.request(url, {
        // Host and TLS server name stay the URL's: only the connection goes to the checked address.
        method: request.method, headers, lookup: pinnedLookup(target), agent: false, signal,
      }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) res.destroy(new Error(`the answer is larger than ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => {
          try {
            resolve(toResponse(res, Buffer.concat(chunks)));
          } catch (err) {
            fail(err as Error);
          }
        });
        res.on('close', () => { if (!res.complete) fail(new Error('the connection closed before the answer was complete')); });
      });
      req.on('error', fail);
      req.end(body ?? undefined);
    });
  };
}
