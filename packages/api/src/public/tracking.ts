// /t/o/:token.gif (open pixel) and /t/c/:token (click). A click redirects only to the URL
// recorded for that email and link index when the email was queued: the token names a row
// of email_links, never a URL, so no request can make this server redirect anywhere else.
// Every hit is stored; each email's first open and first click are counted on its step, machine
// hits (scanners, prefetch, Apple MPP) flagged and counted apart (recordEmailEvents).
import { classifyHit, recordEmailEvents, trackableUrl } from '@afterglow/email';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyWithWorkspace } from './consent';
import { languagesOfEmail, pageLocale } from './locale';
import { badLink, clientIp, methodNotAllowed, sendNotice } from './page';
import type { PublicDeps } from './types';

// The smallest transparent GIF (1x1).
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

interface SentEmail { sentAt: Date | null; url?: string | null }

async function recordHit(deps: PublicDeps, req: IncomingMessage, w: string, o: string, email: SentEmail, type: 'open' | 'click', linkIdx: number | null) {
  const at = deps.clock.now();
  const userAgent = req.headers['user-agent']?.slice(0, 500) ?? null;
  const reason = classifyHit({ userAgent, ip: clientIp(req), sentAt: email.sentAt, at });
  await deps.database.sql.begin((tx) => recordEmailEvents(tx, [{
    workspaceId: w, outboxId: o, type, at, linkIdx, bot: reason !== null, botReason: reason, userAgent,
  }]));
}

export async function handleOpen(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
  const payload = await verifyWithWorkspace(deps.database, token, 'o');
  if (!payload) return badLink(req, res);
  const [email] = await deps.database.sql<SentEmail[]>`
    select sent_at as "sentAt"
    from email_outbox where workspace_id = ${payload.w} and id = ${payload.o}`;
  if (email && req.method === 'GET') await recordHit(deps, req, payload.w, payload.o, email, 'open', null);
  res.writeHead(200, {
    'content-type': 'image/gif', 'content-length': PIXEL.length,
    'cache-control': 'no-store, no-cache, must-revalidate, private', 'referrer-policy': 'no-referrer',
  });
  res.end(req.method === 'HEAD' ? undefined : PIXEL);
}

export async function handleClick(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
  const payload = await verifyWithWorkspace(deps.database, token, 'c');
  if (!payload) return badLink(req, res);
  const [email] = await deps.database.sql<SentEmail[]>`
    select o.sent_at as "sentAt", l.url
    from email_links l join email_outbox o on o.workspace_id = l.workspace_id and o.id = l.outbox_id
    where l.workspace_id = ${payload.w} and l.outbox_id = ${payload.o} and l.idx = ${payload.i}`;
  // Checked again on the way out: only an absolute http(s) URL is ever a Location.
  const target = email?.url ? trackableUrl(email.url) : null;
  if (!email || !target) {
    return sendNotice(res, 404, pageLocale(req, await languagesOfEmail(deps.database.sql, payload.w, payload.o)), 'linkGone');
  }
  if (req.method === 'GET') await recordHit(deps, req, payload.w, payload.o, email, 'click', payload.i);
  res.writeHead(302, { location: target, 'cache-control': 'no-store, private', 'referrer-policy': 'no-referrer' });
  res.end();
}
