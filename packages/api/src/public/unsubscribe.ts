// /u/:token. GET only shows a confirmation page (mail scanners and link previews fetch
// every URL of a message, so a GET must never unsubscribe). POST unsubscribes: the page's
// button, or a mailbox provider's RFC 8058 one-click request (body "List-Unsubscribe=One-Click",
// no cookies). Repeating the POST changes nothing and answers the same.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { signToken } from '@afterglow/email';
import { readBody } from '../ingest/http-io';
import { loadRecipient, recordUnsubscribeEvent, setMarketingConsent, verifyWithWorkspace, workspaceSigningSecret } from './consent';
import { badLink, escapeHtml, maskEmail, methodNotAllowed, sendPage } from './page';
import type { PublicDeps } from './types';

const FORM_LIMIT = 16 * 1024;

export async function handleUnsubscribe(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');
  const { sql } = deps.database;
  const payload = await verifyWithWorkspace(deps.database, token, 'u');
  if (!payload) return badLink(res);
  const preferencesUrl = await preferencesPath(deps, payload.w, payload.c);

  if (req.method === 'POST') {
    const body = (await readBody(req, FORM_LIMIT)).toString('utf8');
    // Sent by the mailbox provider on the user's behalf (RFC 8058), or by our own page's button.
    const source = /List-Unsubscribe/i.test(body) ? 'one_click' : 'unsubscribe_page';
    const at = deps.clock.now();
    await sql.begin(async (tx) => {
      const changed = await setMarketingConsent(tx, { workspaceId: payload.w, customerId: payload.c, source, outboxId: payload.o, at }, false);
      if (changed && payload.o) await recordUnsubscribeEvent(tx, payload.w, payload.o, at);
    });
    deps.log?.info('unsubscribed', { workspaceId: payload.w, customerId: payload.c, source });
    const recipient = await loadRecipient(sql, payload.w, payload.c);
    return sendPage(res, 200, 'Unsubscribed', `<h1>You are unsubscribed</h1>`
      + `<p>${escapeHtml(maskEmail(recipient.email))} will get no more marketing email from us. Emails about your orders still arrive.</p>`
      + `<p class="small">Unsubscribed by mistake? <a href="${escapeHtml(preferencesUrl)}">Manage your email preferences</a>.</p>`, recipient.shopName);
  }

  const recipient = await loadRecipient(sql, payload.w, payload.c);
  if (!recipient.marketingConsent) {
    return sendPage(res, 200, 'Unsubscribed', `<h1>You are unsubscribed</h1>`
      + `<p>${escapeHtml(maskEmail(recipient.email))} gets no marketing email from us.</p>`
      + `<p class="small">Changed your mind? <a href="${escapeHtml(preferencesUrl)}">Manage your email preferences</a>.</p>`, recipient.shopName);
  }
  return sendPage(res, 200, 'Unsubscribe', `<h1>Unsubscribe from our emails?</h1>`
    + `<p>We will stop sending offers and news to ${escapeHtml(maskEmail(recipient.email))}. Emails about your orders still arrive.</p>`
    + `<form method="post"><button type="submit" data-testid="unsubscribe">Unsubscribe</button></form>`
    + `<p class="small">Or <a href="${escapeHtml(preferencesUrl)}">choose which emails you get</a>.</p>`, recipient.shopName);
}

async function preferencesPath(deps: PublicDeps, workspaceId: string, customerId: string): Promise<string> {
  const secret = await workspaceSigningSecret(deps.database, workspaceId);
  return `/p/${signToken(secret ?? '', { t: 'p', w: workspaceId, c: customerId })}`;
}
