// One HTTP call of a webhook, connected to the address the guard checked (the `lookup`
// override answers every name lookup with it: no second DNS query between check and
// connect), with a deadline, and never following a redirect (it could point anywhere).
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { pinnedLookup, type ResolvedTarget } from './guard';

export const WEBHOOK_TIMEOUT_MS = 10_000;
const KEEP_RESPONSE_CHARS = 500;

/**
 * `X-Afterglow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * The timestamp is the send's own, so a receiver can refuse stale replays; a retry is
 * signed afresh and carries the same Idempotency-Key.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

export interface WebhookCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string;
  target: ResolvedTarget;
  timeoutMs?: number;
}

export interface WebhookAnswer { status: number; location: string | null; text: string }

export function sendWebhook(call: WebhookCall): Promise<WebhookAnswer> {
  const client = call.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(call.url, {
      method: call.method,
      // Host and TLS server name stay the URL's: only the connection goes to the pinned address.
      headers: { ...call.headers, 'content-length': Buffer.byteLength(call.body) },
      lookup: pinnedLookup(call.target),
      agent: false,
      signal: AbortSignal.timeout(call.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        // Enough of the answer to explain a failure; the rest is not read.
        if (text.length < KEEP_RESPONSE_CHARS) text += chunk;
        else res.destroy();
      });
      const done = () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, text: text.slice(0, KEEP_RESPONSE_CHARS) });
      res.on('end', done);
      res.on('close', done); // destroyed early: the status is what counts
      res.on('error', () => done());
    });
    req.on('error', (err) => reject(err.name === 'TimeoutError' || err.name === 'AbortError'
      ? new Error(`no answer within ${(call.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s`) : err));
    req.end(call.body);
  });
}
