// One fuzzed request as plain data (so fast-check can print and shrink it), and how it is
// sent: byte for byte over node:http (fetch would normalise paths), with the owner's session
// cookie or none, a Shopify signature computed over the very bytes sent, and every FRESH
// marker replaced by an id never used before (message and webhook ids).
import { setShopifyConnection } from '@afterglow/api';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { FuzzApp } from './app';
import { SHOPIFY_SECRET } from './app';

export const FRESH = '@fresh@';

export interface FuzzRequest {
  /** What the request exercises, for the summary: "POST /v1/batch", "trpc journeys.get". */
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** latin1: one character per byte, for bodies that are not UTF-8 (mails, broken bytes). */
  bodyEncoding?: 'utf8' | 'latin1';
  /** tRPC: sent with the owner's session cookie, or without one. */
  as?: 'owner' | 'anonymous';
  /** Shopify: X-Shopify-Hmac-Sha256 over the body with the workspace's secret, a wrong one, or none. */
  shopifySignature?: 'valid' | 'wrong' | 'none';
}

export interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }

export interface Sender {
  /**
   * The request as it will be sent. Whatever setting it up writes (a new session, a restored
   * Shopify connection) happens here, before `send`, and is owned up to in `wrote`.
   */
  prepare(req: FuzzRequest): Promise<{ req: FuzzRequest; wrote: boolean }>;
  send(req: FuzzRequest): Promise<Reply>;
}

export function rawRequest(base: string, req: FuzzRequest): Promise<Reply> {
  const url = new URL(base);
  const body = req.body === undefined ? undefined : Buffer.from(req.body, req.bodyEncoding ?? 'utf8');
  return new Promise((resolve, reject) => {
    let replied = false;
    // Content-Length always: node sends a GET's body without one, and the server would read it as the next request.
    const headers = body === undefined ? req.headers : { ...req.headers, 'content-length': String(body.length) };
    const request = http.request({ host: url.hostname, port: url.port, path: req.path, method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { replied = true; resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }); });
      res.on('error', reject);
    });
    // A server refusing a large body answers and closes while the rest is still being written.
    request.on('error', (err) => { if (!replied) reject(err); });
    request.end(body);
  });
}

export function createSender(fuzz: FuzzApp): Sender {
  let cookie = '';
  let counter = 0;
  const fresh = (text: string) => text.replaceAll(FRESH, () => `fz-${++counter}`);

  async function signIn() {
    const reply = await rawRequest(fuzz.app.url, {
      route: 'sign in', method: 'POST', path: '/trpc/auth.login', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fuzz.owner),
    });
    cookie = (reply.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '';
    if (!cookie) throw new Error(`the owner cannot sign in: ${reply.status} ${reply.body}`);
  }

  /** The workspace's Shopify connection as it is now (a fuzzed settings call may have changed or removed it). */
  async function shopifyConnection(): Promise<{ secret: string; shopDomain: string | null; restored: boolean }> {
    const [row] = await fuzz.database.sql<{ secret: string; shopDomain: string | null }[]>`
      select webhook_secret as secret, shop_domain as "shopDomain" from shopify_connections where workspace_id = ${fuzz.workspaceId}`;
    // Stored sealed (AFTERGLOW_SECRET_KEY): the signature is made with the secret itself.
    if (row) return { ...row, secret: fuzz.database.secrets.open(row.secret), restored: false };
    await setShopifyConnection(fuzz.database, fuzz.workspaceId, SHOPIFY_SECRET, null, new Date());
    return { secret: SHOPIFY_SECRET, shopDomain: null, restored: true };
  }

  return {
    async prepare(req) {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, fresh(v)]));
      const body = req.body === undefined ? undefined : fresh(req.body);
      let wrote = false;
      if (req.as === 'owner') {
        if (!cookie) {
          await signIn();
          wrote = true;
        }
        headers.cookie = cookie;
      }
      if (req.shopifySignature && req.shopifySignature !== 'none') {
        const { secret, shopDomain, restored } = await shopifyConnection();
        wrote ||= restored;
        if (shopDomain) headers['x-shopify-shop-domain'] = shopDomain;
        const key = req.shopifySignature === 'valid' ? secret : `${secret}-not`;
        headers['x-shopify-hmac-sha256'] = createHmac('sha256', key).update(Buffer.from(body ?? '', req.bodyEncoding ?? 'utf8')).digest('base64');
      }
      return { req: { ...req, headers, body }, wrote };
    },
    async send(req) {
      const reply = await rawRequest(fuzz.app.url, req);
      // Signing out (auth.logout) ends the session: the next owner request signs in again.
      const session = (reply.headers['set-cookie'] ?? []).find((c) => c.startsWith('afterglow_session='));
      if (req.as === 'owner' && session) cookie = /^afterglow_session=;/.test(session) ? '' : session.split(';')[0];
      return reply;
    },
  };
}
