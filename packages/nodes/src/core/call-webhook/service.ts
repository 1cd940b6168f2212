// The service a Call webhook step queues its call with (ctx.enqueue), delivered after the step
// commits by the engine's service dispatcher like any plugin's: the payload's header values and
// signing secret are sealed at rest and emptied once the call is final, the call goes through
// the guarded fetch (public addresses only, pinned connection, deadline, redirects returned),
// and a resend after a crash carries the same Idempotency-Key (the effect key). 2xx is
// delivered; a redirect, a 4xx other than 429 and a refused address fail at once; 5xx, 429 and
// network errors are retried with backoff (8 attempts, 30 s doubling, at most 1 h).
import { defineService, type DeliveryResult } from '@afterglow/node-sdk';
import { z } from 'zod';

const SHOWN_ANSWER_CHARS = 300;

// The step checks what a marketer typed; this checks what reaches the queue, from any caller.
const payload = z.object({
  url: z.string().max(2_000).refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an http(s) URL'),
  method: z.enum(['POST', 'PUT', 'PATCH']),
  headers: z.array(z.object({
    name: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a header name'),
    value: z.string().max(2_000).regex(/^[^\r\n\0]*$/, 'must be a single line').meta({ widget: 'secret' }),
  })).max(20),
  body: z.string().max(100_000).refine((b) => { try { JSON.parse(b); return true; } catch { return false; } }, 'must be valid JSON'),
  signingSecret: z.string().min(1).max(200).optional().meta({ widget: 'secret' }),
});

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * `X-Afterglow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * The timestamp is the attempt's own, so a receiver can refuse stale replays; a retry is
 * signed afresh and carries the same Idempotency-Key.
 */
export async function signatureHeader(secret: string, body: string, at: Date): Promise<string> {
  const t = Math.floor(at.getTime() / 1000);
  const encode = (text: string) => new TextEncoder().encode(text);
  const key = await globalThis.crypto.subtle.importKey('raw', encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return `t=${t},v1=${hex(await globalThis.crypto.subtle.sign('HMAC', key, encode(`${t}.${body}`)))}`;
}

/** The status and the start of the answer: enough to explain a failure. */
async function said(res: Response): Promise<string> {
  const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, SHOWN_ANSWER_CHARS);
  return `${res.status}${text ? `: ${text}` : ''}`;
}

export const webhookService = defineService({
  id: 'core/webhook',
  label: 'Webhook calls',
  payload,
  counters: ['delivered', 'undelivered'],
  retry: { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 60 * 60_000, exhaustedCount: 'undelivered' },
  async deliver(effect, ctx): Promise<DeliveryResult> {
    const call = effect.payload;
    const headers: Record<string, string> = {
      ...Object.fromEntries(call.headers.map((h) => [h.name, h.value])),
      'content-type': 'application/json',
      'user-agent': 'Afterglow-Webhooks/1',
      'idempotency-key': effect.key,
    };
    if (call.signingSecret) headers['x-afterglow-signature'] = await signatureHeader(call.signingSecret, call.body, ctx.now());
    let res: Response;
    try {
      res = await ctx.fetch(call.url, { method: call.method, headers, body: call.body });
    } catch (err) {
      const error = err as Error & { code?: string };
      if (error.name === 'TargetRefused') return { status: 'failed', error: error.message, count: 'undelivered' };
      return { status: 'retry', error: `network error: ${error.code ?? error.message}` };
    }
    if (res.ok) return { status: 'delivered', count: 'delivered' };
    if (res.status >= 300 && res.status < 400) {
      return { status: 'failed', count: 'undelivered',
        error: `${res.status}: redirect to ${res.headers.get('location') ?? '(no location)'} not followed; use the final address` };
    }
    if (res.status >= 500 || res.status === 429) return { status: 'retry', error: await said(res) };
    return { status: 'failed', error: await said(res), count: 'undelivered' };
  },
});
