// The loyalty API for the shop's own backend, authenticated like ingestion (the workspace's
// ingestion key as the HTTP Basic username; only from a server: the key spends customers' points):
//   GET  /v1/loyalty/:userId   the balance, tier and rewards on offer
//   POST /v1/loyalty/redeem    {userId, rewardId, idempotencyKey?} -> the coupon issued and the balance left
// Bad input is a 400 naming the field; an unknown customer or reward a 404; a reward switched
// off or a balance short of its cost a 409, each with its `reason`.
import { z } from 'zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IngestDeps } from '../ingest/handler';
import { guardRequests, HttpError, parseJsonBody, readBody, sendJson } from '../ingest/http-io';
import { keyFromAuthorization, workspaceForKey } from '../ingest/keys';
import { REFUSAL_STATUS } from './refusals';
import { RedemptionRefused } from './redeem';
import { runRedemption } from './redeem-run';
import { loyaltySummary } from './summary';

export const LOYALTY_API_PREFIX = '/v1/loyalty/';

const redeemBody = z.object({
  userId: z.string({ error: 'userId is required: the customer\'s id' }).trim().min(1, 'userId must not be empty').max(200, 'userId is at most 200 characters'),
  rewardId: z.string({ error: 'rewardId is required: the id of a reward in Settings > Loyalty' }).trim().min(1, 'rewardId must not be empty').max(40, 'rewardId is at most 40 characters'),
  /** Your own id for this redemption: a retry with the same one returns the first redemption instead of redeeming again. */
  idempotencyKey: z.string({ error: 'idempotencyKey must be a string' }).trim().min(1, 'idempotencyKey must not be empty').max(100, 'idempotencyKey is at most 100 characters').optional(),
});

async function workspaceOf(deps: IngestDeps, req: IncomingMessage): Promise<string> {
  const key = keyFromAuthorization(req);
  if (!key) throw new HttpError(401, 'Send the ingestion key as the HTTP Basic username (empty password)');
  const workspaceId = await workspaceForKey(deps.database, key);
  if (!workspaceId) throw new HttpError(401, 'Unknown or revoked ingestion key');
  return workspaceId;
}

async function redeem(deps: IngestDeps, req: IncomingMessage, res: ServerResponse, workspaceId: string): Promise<void> {
  const parsed = redeemBody.safeParse(parseJsonBody(await readBody(req, 16 * 1024)));
  if (!parsed.success) {
    throw new HttpError(400, 'Invalid redemption: nothing was redeemed', parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })));
  }
  const { userId, rewardId, idempotencyKey } = parsed.data;
  try {
    const done = await runRedemption(
      { database: deps.database, enrolEvents: deps.onEventsStored, wake: deps.afterCommit, log: deps.log },
      { workspaceId, customerId: userId, rewardId, idempotencyKey, now: deps.clock.now() },
    );
    const { id: _id, ...coupon } = done.coupon;
    sendJson(res, 200, { userId, reward: done.reward, coupon, balance: done.balance, replayed: done.replayed });
  } catch (err) {
    if (!(err instanceof RedemptionRefused)) throw err;
    const { balance, cost } = err.detail;
    const field = err.reason === 'unknown_customer' ? 'userId' : 'rewardId';
    throw new HttpError(REFUSAL_STATUS[err.reason], err.message, [{ path: field, message: err.reason }], { reason: err.reason, ...(cost ? { balance, cost } : {}) });
  }
}

function userIdOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'The userId in the path is not valid percent-encoding', [{ path: 'userId', message: 'malformed' }]);
  }
}

async function handle(deps: IngestDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
  const rest = path.startsWith(LOYALTY_API_PREFIX) ? path.slice(LOYALTY_API_PREFIX.length) : '';
  if (!rest || rest.includes('/')) throw new HttpError(404, 'Unknown loyalty endpoint; use GET /v1/loyalty/:userId or POST /v1/loyalty/redeem');
  const method = rest === 'redeem' ? 'POST' : 'GET';
  if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
    res.setHeader('allow', method === 'GET' ? 'GET, HEAD' : 'POST');
    throw new HttpError(405, `${req.method} is not allowed; send a ${method}`);
  }
  const workspaceId = await workspaceOf(deps, req);
  if (method === 'POST') return redeem(deps, req, res, workspaceId);
  const userId = userIdOf(rest);
  const summary = await loyaltySummary(deps.database.sql, workspaceId, userId, deps.clock.now());
  if (!summary) throw new HttpError(404, `Customer ${userId} does not exist`, [{ path: 'userId', message: 'unknown_customer' }], { reason: 'unknown_customer' });
  sendJson(res, 200, summary);
}

export function createLoyaltyApiHandler(deps: IngestDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return guardRequests((req, res) => handle(deps, req, res),
    { availability: deps.database.availability, log: deps.log, what: 'loyalty API failed', message: 'The loyalty request failed; nothing was redeemed, retry later' });
}
