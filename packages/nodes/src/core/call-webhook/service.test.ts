// deliver() of the core/webhook service against a recording fetch: the request as sent (headers,
// Idempotency-Key, a signature a receiver recomputes with node:crypto) and each answer's outcome.
// The real guarded fetch, database and retries are tested in tests/engine-webhooks.test.ts.
import type { DeliveryContext, QueuedEffect } from '@afterglow/node-sdk';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, webhookService } from './service';

const now = new Date('2026-05-01T09:00:00Z');
const payload = { url: 'https://hooks.example.com/in', method: 'PUT' as const, headers: [{ name: 'X-Shop', value: 'demo' }],
  body: '{"order":1001}', signingSecret: 'whsec_0123456789abcdef' };
const effect: QueuedEffect<typeof payload> = { id: 'e1', key: 'run_1:hook:core/webhook', payload, attempt: 1, workspaceId: 'ws',
  customerId: 'ada', journeyId: 'j', versionId: 'v', nodeId: 'hook', createdAt: now };

function deliver(answer: () => Response, p: Partial<typeof payload> = {}) {
  const sent: Request[] = [];
  const ctx: DeliveryContext<never> = {
    now: () => now, settings: null, routeUrl: () => '', log: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } },
    fetch: async (url, init) => { sent.push(new Request(url, init)); return answer(); },
  };
  return { sent, result: webhookService.deliver({ ...effect, payload: { ...payload, ...p } }, ctx) };
}

describe('the core/webhook service', () => {
  it('sends the body with its headers, the effect key and a signature over "<t>.<body>"', async () => {
    const { sent, result } = deliver(() => new Response('ok'));
    expect(await result).toEqual({ status: 'delivered', count: 'delivered' });
    const [req] = sent;
    expect([req.method, req.url, await req.text()]).toEqual(['PUT', payload.url, payload.body]);
    expect(Object.fromEntries(req.headers)).toMatchObject({ 'x-shop': 'demo', 'content-type': 'application/json',
      'user-agent': 'Afterglow-Webhooks/1', 'idempotency-key': effect.key });
    const t = now.getTime() / 1000;
    const v1 = createHmac('sha256', payload.signingSecret).update(`${t}.${payload.body}`).digest('hex');
    expect(req.headers.get('x-afterglow-signature')).toBe(`t=${t},v1=${v1}`);
    expect(await signatureHeader(payload.signingSecret, payload.body, now)).toBe(`t=${t},v1=${v1}`);
  });

  it('sends no signature when unsigned', async () => {
    const { sent, result } = deliver(() => new Response('ok'), { signingSecret: undefined });
    await result;
    expect(sent[0].headers.has('x-afterglow-signature')).toBe(false);
  });

  it('fails redirects and 4xx at once, retries 5xx and 429, and fails a refused target at once', async () => {
    const outcome = (answer: () => Response) => deliver(answer).result;
    expect(await outcome(() => new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/' } }))).toEqual({
      status: 'failed', count: 'undelivered', error: '302: redirect to http://169.254.169.254/ not followed; use the final address' });
    expect(await outcome(() => new Response('no  such\nhook', { status: 404 }))).toEqual({ status: 'failed', count: 'undelivered', error: '404: no such hook' });
    expect(await outcome(() => new Response('busy', { status: 503 }))).toEqual({ status: 'retry', error: '503: busy' });
    expect(await outcome(() => new Response('', { status: 429 }))).toEqual({ status: 'retry', error: '429' });
    const refused = Object.assign(new Error('Refused: 10.0.0.1 is a private address; outbound calls go only to public hosts'), { name: 'TargetRefused' });
    expect(await outcome(() => { throw refused; })).toEqual({ status: 'failed', count: 'undelivered', error: refused.message });
    expect(await outcome(() => { throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }); }))
      .toEqual({ status: 'retry', error: 'network error: ECONNREFUSED' });
  });
});
