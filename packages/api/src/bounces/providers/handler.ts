// POST /webhooks/bounces/<relay>: Amazon SES (through SNS), SendGrid, Postmark and Mailgun
// post their bounce and complaint events here in their own formats. Each request is
// authenticated as its relay signs it (that also names the workspace), read into the same
// reports a bounce mail becomes, and recorded by the same recordDeliveryReport, so reasons,
// the hard/soft policy and matching to the email sent are shared. An event that matches no
// email Afterglow sent suppresses nobody; it is answered 200 (matched: false), since the relay
// would otherwise retry a report about mail the shop sent from elsewhere for days.
import type { Database } from '@afterglow/db';
import type { Logger } from '@afterglow/node-sdk';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { guardRequests, HttpError, readBody, sendJson } from '../../ingest/http-io';
import { recordDeliveryReport } from '../record';
import { createMailgunReader } from './mailgun';
import { readPostmark } from './postmark';
import { isIgnored, type RelayEvent } from './report';
import { createSesReader } from './ses';
import { RELAY_PROVIDERS, type RelayProvider } from './settings';
import { fetchOverHttps, type SnsFetch } from './sns-verify';
import { readSendgrid } from './sendgrid';
import type { RelayReader } from './types';

export interface RelayWebhookDeps {
  database: Database;
  clock: { now(): Date };
  log?: Logger;
  /** How SNS certificates are fetched and subscriptions confirmed (tests serve a test certificate). */
  fetchSns?: SnsFetch;
}

// A SendGrid batch holds up to thousands of events.
const MAX_BYTES = 4 * 1024 * 1024;
const PREFIX = '/webhooks/bounces/';

async function recordEvent(database: Database, workspaceIds: string[], event: RelayEvent, now: Date, provider: RelayProvider) {
  if (isIgnored(event)) return { ignored: event.ignored, address: event.address, messageId: event.messageId };
  const base = { type: event.type, reason: event.reason, hard: event.hard, address: event.address, messageId: event.messageId || null };
  for (const workspaceId of workspaceIds) {
    const result = await recordDeliveryReport(database, workspaceId, event, now, provider);
    if (result.found) return { ...base, matched: true, outboxId: result.outboxId, suppressed: result.suppressed, ...(result.duplicate ? { duplicate: true } : {}) };
  }
  return { ...base, matched: false, suppressed: null, why: 'no email sent by Afterglow from this workspace matches it; nothing was suppressed' };
}

export function createRelayWebhookHandler(deps: RelayWebhookDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const readers: Record<RelayProvider, RelayReader> = {
    ses: createSesReader(deps.fetchSns ?? fetchOverHttps), sendgrid: readSendgrid, postmark: readPostmark, mailgun: createMailgunReader(),
  };
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const provider = (req.url ?? '').split('?')[0].slice(PREFIX.length);
    if (!(RELAY_PROVIDERS as readonly string[]).includes(provider)) {
      throw new HttpError(404, `No relay webhook at ${PREFIX}${provider.slice(0, 40)}: use ${RELAY_PROVIDERS.map((p) => PREFIX + p).join(', ')}`);
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      throw new HttpError(405, `${req.method} is not allowed; the relay POSTs its events`);
    }
    const now = deps.clock.now();
    const receipt = await readers[provider as RelayProvider](deps.database, { headers: req.headers, raw: await readBody(req, MAX_BYTES), now });
    const results = [];
    for (const event of receipt.events) results.push(await recordEvent(deps.database, receipt.workspaceIds, event, now, provider as RelayProvider));
    receipt.recorded?.();
    const matched = results.filter((r) => 'matched' in r && r.matched).length;
    deps.log?.info('relay events recorded', { provider, events: results.length, matched });
    sendJson(res, 200, { success: true, provider, ...(receipt.note ? { note: receipt.note } : {}), events: results });
  }
  return guardRequests(handle, {
    availability: deps.database.availability, log: deps.log, what: 'relay webhook failed', message: 'Relay report failed; nothing more was recorded, send it again',
  });
}
