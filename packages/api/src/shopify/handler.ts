// POST /webhooks/shopify: orders, refunds, fulfilments, checkouts, customers (consent and
// GDPR erasure included) and products from a Shopify shop (the topics in topics.ts). The
// signature is checked before anything is parsed or stored; X-Shopify-Webhook-Id makes
// a redelivery a no-op; order webhooks are stored as order events in the same
// transaction as their enrolment, like the Segment API's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordAudit } from '../audit/record';
import { guardRequests, HttpError, readBody, refuseBadInput, sendJson } from '../ingest/http-io';
import type { IngestDeps } from '../ingest/handler';
import { retryTransaction } from '../ingest/retry';
import { messageIssues } from '../ingest/schema';
import { storeMessages, type IngestedEvent } from '../ingest/store';
import { eraseCustomer } from '../privacy/erase';
import { topicHandlers } from './topics';
import { workspaceForSignature } from './verify';

const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024;
const MAX_WEBHOOK_ID = 100;

// Shopify ids are 64-bit integers; JSON.parse would round those past 2^53. Id fields
// with 16 or more digits are read as strings, digit for digit.
const BIG_ID = /("[A-Za-z_]*id"\s*:\s*)(\d{16,})(?=\s*[,}\]])/g;
export const parseShopifyJson = (raw: string): unknown => JSON.parse(raw.replace(BIG_ID, '$1"$2"'));

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};

async function handle(deps: IngestDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    throw new HttpError(405, `${req.method} is not allowed; Shopify webhooks are POSTed`);
  }
  const signature = header(req, 'x-shopify-hmac-sha256');
  if (!signature) throw new HttpError(401, 'X-Shopify-Hmac-Sha256 header is missing: the webhook is not signed');
  const shopDomain = header(req, 'x-shopify-shop-domain');
  const raw = await readBody(req, MAX_WEBHOOK_BYTES);
  const workspaceId = await workspaceForSignature(deps.database, shopDomain, raw, signature);
  if (!workspaceId) throw new HttpError(401, `Invalid X-Shopify-Hmac-Sha256 signature${shopDomain ? ` for shop ${shopDomain}` : ''}`);

  const topic = header(req, 'x-shopify-topic');
  const webhookId = header(req, 'x-shopify-webhook-id');
  if (!topic) throw new HttpError(400, 'X-Shopify-Topic header is required', [{ path: 'X-Shopify-Topic', message: 'required' }]);
  if (!webhookId) throw new HttpError(400, 'X-Shopify-Webhook-Id header is required', [{ path: 'X-Shopify-Webhook-Id', message: 'required' }]);
  // Part of message ids (at most 200 characters) and of a unique index's key.
  if (webhookId.length > MAX_WEBHOOK_ID) {
    throw new HttpError(400, 'X-Shopify-Webhook-Id is too long', [{ path: 'X-Shopify-Webhook-Id', message: `at most ${MAX_WEBHOOK_ID} characters` }]);
  }
  // Shopify retries anything but 2xx: topics Afterglow has no use for are acknowledged.
  if (!Object.hasOwn(topicHandlers, topic)) return sendJson(res, 200, { success: true, ignored: `topic ${topic} is not used by Afterglow` });

  const handler = topicHandlers[topic];
  let json: unknown;
  try {
    json = parseShopifyJson(raw.toString('utf8'));
  } catch (err) {
    throw new HttpError(400, `Webhook ${webhookId}: body is not valid JSON`, [{ path: '(body)', message: (err as Error).message }]);
  }
  refuseBadInput(json, `Webhook ${webhookId} ${topic}`);
  const parsed = handler.schema.safeParse(json);
  if (!parsed.success) {
    const what = json && typeof json === 'object' && 'id' in json ? ` (${topic.split('/')[0].replace(/s$/, '')} ${String((json as { id: unknown }).id)})` : '';
    throw new HttpError(400, `Webhook ${webhookId} ${topic}${what} is invalid: nothing was stored`,
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message })));
  }

  const now = deps.clock.now();
  // Erased first, on its own: an erasure is safe to repeat, so a failure after it only makes
  // Shopify redeliver and erase again, while a stored receipt would have ended its retries.
  // Audit-logged like an erasure from the customer page, the shop and webhook named as the actor.
  for (const customerId of handler.erases?.(parsed.data) ?? []) {
    const erased = await eraseCustomer(deps.database.sql, workspaceId, customerId, now);
    await recordAudit(deps.database.sql, {
      workspaceId, at: now, actorEmail: `shopify:${shopDomain?.slice(0, 200) ?? 'unknown shop'}`, action: 'customers.erase', targetId: customerId,
      detail: { topic, webhookId, existed: erased.existed, rows: erased.rows }, ip: null,
    });
  }
  const duplicate = await retryTransaction(() => deps.database.sql.begin(async (tx) => {
    const [receipt] = await tx`
      insert into webhook_receipts (workspace_id, source, webhook_id, topic, received_at)
      values (${workspaceId}, 'shopify', ${webhookId}, ${topic}, ${now.toISOString()}::timestamptz)
      on conflict do nothing returning webhook_id`;
    if (!receipt) return true;
    const messages = await handler.messages(parsed.data, { tx, workspaceId, webhookId, shopDomain, now });
    // Order events are re-read by the store as Segment order properties: they must parse there.
    // Thrown inside the transaction, the refusal rolls back the receipt with the rest.
    const issues = messages.filter((m) => m.kind === 'track').flatMap(messageIssues);
    if (issues.length > 0) throw new HttpError(400, `Webhook ${webhookId} ${topic} is invalid: nothing was stored`, issues);
    const events: IngestedEvent[] = await storeMessages(tx, workspaceId, messages, now);
    if (events.length > 0) await deps.onEventsStored(tx, events);
    return false;
  }));
  if (!duplicate) {
    try {
      await deps.afterCommit();
    } catch (err) {
      deps.log?.warn('wake-up after a Shopify webhook failed', { error: String(err) });
    }
  }
  sendJson(res, 200, duplicate ? { success: true, duplicate: `webhook ${webhookId} was already handled` } : { success: true });
}

export function createShopifyWebhookHandler(deps: IngestDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return guardRequests((req, res) => handle(deps, req, res),
    { availability: deps.database.availability, log: deps.log, what: 'Shopify webhook failed', message: 'Webhook failed; nothing was stored, Shopify will retry' });
}
