// POST /webhooks/bounces: bounces and spam complaints reported after the SMTP server accepted
// an email. Authenticated with an ingestion key (HTTP Basic user name, like /v1). The body is
// either the report itself, Content-Type message/rfc822 (a DSN, RFC 3464, a mail server's
// failure notice, an auto-reply or an ARF report, RFC 5965, as a bounce mailbox received it), or
// JSON { type, messageId, address, reason, hard? }. A hard bounce or a complaint suppresses; a
// soft bounce is counted and suppresses after the workspace's limit; delays and auto-replies change nothing.
// A report is tied to its email by Message-ID, VERP, or recipient and time (match.ts); one tied to
// none is a 404 and suppresses no one. The bounce listener (listener.ts) reads mail the same way.
import type { Database } from '@afterglow/db';
import { classifyBounce, isHardRefusal, ReportError } from '@afterglow/email';
import type { Logger } from '@afterglow/node-sdk';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { guardRequests, HttpError, parseJsonBody, readBody, refuseBadInput, sendJson } from '../ingest/http-io';
import { keyFromAuthorization, workspaceForKey } from '../ingest/keys';
import { readMailReport, unmatchedReport, type MailReport } from './mail-report';
import { recordDeliveryReport } from './record';
import { bounceNoticeSchema, MAX_REPORT_BYTES, type BounceNotice } from './schema';

export interface BounceDeps {
  database: Database;
  clock: { now(): Date };
  log?: Logger;
}


type Report = MailReport;

/**
 * A relay's JSON notice: its `hard` if it says. Otherwise the relay called it a bounce, so it is
 * hard unless its reason's words name a soft cause (a full mailbox, a block, a delay, ...).
 */
function noticeReport(notice: BounceNotice): Report {
  if (notice.type === 'complaint') return { type: 'complaint', messageId: notice.messageId, address: notice.address, reason: 'complaint', hard: false, detail: notice.reason || 'complaint', diagnostic: notice.reason };
  const status = /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(notice.reason)?.[0] ?? null;
  const facts = { status, replyCode: /^\s*([245]\d\d)\b/.exec(notice.reason)?.[1] ?? null, diagnostic: notice.reason };
  const { reason } = classifyBounce(facts);
  const hard = notice.hard ?? isHardRefusal(facts);
  return { type: 'bounce', messageId: notice.messageId, address: notice.address, reason, hard, detail: notice.reason || 'bounce', status, diagnostic: notice.reason };
}

async function readReport(req: IncomingMessage, raw: Buffer): Promise<Report> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'message/rfc822') {
    try {
      return await readMailReport(raw);
    } catch (err) {
      if (err instanceof ReportError) throw new HttpError(400, `Unreadable report: ${err.message}`, [{ path: err.field, message: err.message }]);
      throw err;
    }
  }
  if (type !== 'application/json') {
    throw new HttpError(415, 'Send the report as message/rfc822 (a DSN or ARF message) or application/json',
      [{ path: 'Content-Type', message: `${type || '(none)'} is not message/rfc822 or application/json` }]);
  }
  const json = parseJsonBody(raw);
  refuseBadInput(json, 'Bounce notice');
  const parsed = bounceNoticeSchema.safeParse(json);
  if (!parsed.success) {
    throw new HttpError(400, 'Invalid bounce notice: nothing was recorded',
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message })));
  }
  return noticeReport(parsed.data);
}

async function handle(deps: BounceDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    throw new HttpError(405, `${req.method} is not allowed; POST the bounce or complaint`);
  }
  const key = keyFromAuthorization(req);
  if (!key) throw new HttpError(401, 'Send an ingestion key as the HTTP Basic username (empty password)');
  const workspaceId = await workspaceForKey(deps.database, key);
  if (!workspaceId) throw new HttpError(401, 'Unknown or revoked ingestion key');

  const report = await readReport(req, await readBody(req, MAX_REPORT_BYTES));
  if (report.type === 'ignored') return sendJson(res, 200, { success: true, ignored: report.detail, reason: report.reason, messageId: report.messageId });
  const result = await recordDeliveryReport(deps.database, workspaceId, report, deps.clock.now(), 'webhook');
  if (!result.found) {
    const message = unmatchedReport(report);
    throw new HttpError(404, message, [{ path: 'messageId', message }]);
  }
  deps.log?.info(`${report.type} recorded`, { workspaceId, outboxId: result.outboxId, duplicate: result.duplicate });
  sendJson(res, 200, {
    success: true, type: report.type, reason: report.reason, hard: report.hard, outboxId: result.outboxId, address: result.address,
    suppressed: result.suppressed, matchedBy: result.matchedBy, ...(result.duplicate ? { duplicate: true } : {}),
  });
}

export function createBounceWebhookHandler(deps: BounceDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return guardRequests((req, res) => handle(deps, req, res),
    { availability: deps.database.availability, log: deps.log, what: 'bounce webhook failed', message: 'Bounce report failed; nothing was recorded, send it again' });
}
