// /u/:token. GET only shows a confirmation page (mail scanners and link previews fetch
// every URL of a message, so a GET must never unsubscribe). POST unsubscribes: the page's
// button, or a mailbox provider's RFC 8058 one-click request (body "List-Unsubscribe=One-Click",
// no cookies). Repeating the POST changes nothing and answers the same. The pages speak the
// customer's language (pageLocale); the one-click answer is the same page, whoever reads it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { signToken } from '@afterglow/email';
import { readBody } from '../ingest/http-io';
import { html, text } from './catalogue';
import { loadRecipient, recordUnsubscribeEvent, setMarketingConsent, verifyWithWorkspace, workspaceSigningSecret, type Recipient } from './consent';
import { escapeHtml } from './escape';
import { keepChosenLanguage, pageLocale } from './locale';
import { badLink, maskEmail, methodNotAllowed, sendPage } from './page';
import type { PublicDeps } from './types';

const FORM_LIMIT = 16 * 1024;

export async function handleUnsubscribe(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');
  const { sql } = deps.database;
  const payload = await verifyWithWorkspace(deps.database, token, 'u');
  if (!payload) return badLink(req, res);
  const preferencesUrl = keepChosenLanguage(req, await preferencesPath(deps, payload.w, payload.c));

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
    return unsubscribedPage(req, res, await loadRecipient(sql, payload.w, payload.c), preferencesUrl, 'unsubscribed.text', 'unsubscribed.mistake');
  }

  const recipient = await loadRecipient(sql, payload.w, payload.c);
  if (!recipient.marketingConsent) return unsubscribedPage(req, res, recipient, preferencesUrl, 'unsubscribed.already', 'unsubscribed.changedMind');
  const locale = pageLocale(req, recipient.languages);
  const address = { address: maskEmail(recipient.email) };
  return sendPage(res, 200, locale, {
    title: text(locale, 'unsubscribe.title'), shop: recipient.shopName,
    body: `<h1>${escapeHtml(text(locale, 'unsubscribe.heading'))}</h1><p>${html(locale, 'unsubscribe.text', address)}</p>`
      + `<form method="post"><button type="submit" data-testid="unsubscribe">${escapeHtml(text(locale, 'unsubscribe.button'))}</button></form>`
      + `<p class="small">${html(locale, 'unsubscribe.choose', {}, preferencesUrl)}</p>`,
  });
}

function unsubscribedPage(req: IncomingMessage, res: ServerResponse, recipient: Recipient, preferencesUrl: string,
  said: 'unsubscribed.text' | 'unsubscribed.already', undo: 'unsubscribed.mistake' | 'unsubscribed.changedMind'): void {
  const locale = pageLocale(req, recipient.languages);
  sendPage(res, 200, locale, {
    title: text(locale, 'unsubscribed.title'), shop: recipient.shopName,
    body: `<h1>${escapeHtml(text(locale, 'unsubscribed.heading'))}</h1><p>${html(locale, said, { address: maskEmail(recipient.email) })}</p>`
      + `<p class="small">${html(locale, undo, {}, preferencesUrl)}</p>`,
  });
}

async function preferencesPath(deps: PublicDeps, workspaceId: string, customerId: string): Promise<string> {
  const secret = await workspaceSigningSecret(deps.database, workspaceId);
  return `/p/${signToken(secret ?? '', { t: 'p', w: workspaceId, c: customerId })}`;
}
