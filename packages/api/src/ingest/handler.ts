// POST /v1/track, identify, page, screen, group, alias and batch: the Segment HTTP
// Tracking API, so any Segment-compatible client can send to Afterglow by pointing its
// host here.
import type { Database } from '@afterglow/db';
import type { Logger } from '@afterglow/node-sdk';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type postgres from 'postgres';
import { readEncodedBody } from './encoded-body';
import { guardRequests, HttpError, parseJsonBody, sendJson } from './http-io';
import { keyFromAuthorization, keyFromBody, workspaceForKey } from './keys';
import { endpoints, messageIdOf, parseMessages, type Endpoint } from './schema';
import { retryTransaction } from './retry';
import { stageMessages, type IngestedEvent } from './store';

export interface IngestDeps {
  database: Database;
  clock: { now(): Date };
  /** Called inside the ingestion transaction with the newly stored track events. */
  onEventsStored: (tx: postgres.TransactionSql, events: IngestedEvent[]) => Promise<unknown>;
  /** Called after the transaction commits (e.g. to wake the workers). */
  afterCommit: () => Promise<unknown>;
  log?: Logger;
}

function endpointOf(url: string | undefined): Endpoint | null {
  const path = new URL(url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
  const match = /^\/v1\/([a-z]+)$/.exec(path);
  if (!match || !Object.hasOwn(endpoints, match[1])) return null;
  return endpoints[match[1] as keyof typeof endpoints];
}

async function handle(deps: IngestDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const endpoint = endpointOf(req.url);
  if (!endpoint) throw new HttpError(404, 'Unknown ingestion endpoint; use /v1/track, identify, page, screen, group, alias or batch');
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    throw new HttpError(405, `${req.method} is not allowed; send a POST`);
  }
  // Authenticate before reading the body when the client sends the key in the header.
  const headerKey = keyFromAuthorization(req);
  let workspaceId = headerKey ? await workspaceForKey(deps.database, headerKey) : null;
  if (headerKey && !workspaceId) throw new HttpError(401, 'Unknown or revoked ingestion key');

  // The input policy applies to each message (parseMessages): a batch keeps its good ones.
  const body = parseJsonBody(await readEncodedBody(req));
  if (!workspaceId) {
    const bodyKey = keyFromBody(body);
    if (!bodyKey) throw new HttpError(401, 'Send the ingestion key as the HTTP Basic username (empty password)');
    workspaceId = await workspaceForKey(deps.database, bodyKey);
    if (!workspaceId) throw new HttpError(401, 'Unknown or revoked ingestion key');
  }

  const parsed = parseMessages(endpoint, body);
  if (!parsed.ok) {
    const id = endpoint === 'batch' ? undefined : messageIdOf(body);
    throw new HttpError(400, `Invalid message${id ? ` ${id}` : ''}: nothing was stored`, parsed.issues, parsed.rejected.length ? { rejected: parsed.rejected } : {});
  }

  const now = deps.clock.now();
  const wsId = workspaceId;
  await retryTransaction(async () => {
    const staged = await deps.database.sql.begin(async (tx) => {
      const { finish } = await stageMessages(tx, wsId, parsed.messages, now, (events) => deps.onEventsStored(tx, events));
      // Inside an object, so begin does not wait for it: COMMIT goes right behind those statements.
      return { finish };
    });
    // A statement that failed there made COMMIT a rollback: nothing was stored, and this says why.
    await staged.finish;
  });
  try {
    await deps.afterCommit();
  } catch (err) {
    // The messages are stored: a missed wake-up only delays them until the workers' next tick.
    deps.log?.warn('wake-up after ingestion failed', { error: String(err) });
  }
  // A batch keeps its good messages: 207 says some were refused, and which.
  if (parsed.rejected.length === 0) return sendJson(res, 200, { success: true });
  sendJson(res, 207, {
    success: false,
    error: `${parsed.rejected.length} of ${parsed.rejected.length + parsed.messages.length} messages were refused; the others were stored`,
    stored: parsed.messages.length,
    rejected: parsed.rejected,
  });
}

export function createIngestHandler(deps: IngestDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return guardRequests((req, res) => handle(deps, req, res),
    { availability: deps.database.availability, log: deps.log, what: 'ingestion failed', message: 'Ingestion failed; nothing was stored, retry later' });
}
