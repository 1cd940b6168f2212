// /p/:token: the recipient's preference page, reached from every marketing email's footer.
// Marketing email on or off, and topics; each change is written to the consent ledger.
import { EMAIL_TOPICS } from '@afterglow/email';
import type { Locale } from '@afterglow/i18n';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../ingest/http-io';
import { html, text, type MessageKey } from './catalogue';
import { loadRecipient, setMarketingConsent, setTopics, verifyWithWorkspace, type Recipient } from './consent';
import { escapeHtml } from './escape';
import { pageLocale } from './locale';
import { badLink, maskEmail, methodNotAllowed, sendPage } from './page';
import type { PublicDeps } from './types';

export async function handlePreferences(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');
  const { sql } = deps.database;
  const payload = await verifyWithWorkspace(deps.database, token, 'p');
  if (!payload) return badLink(req, res);
  const before = await loadRecipient(sql, payload.w, payload.c);
  const locale = pageLocale(req, before.languages);
  const page = (body: string) => sendPage(res, 200, locale, { title: text(locale, 'preferences.title'), body, shop: before.shopName });
  if (!before.exists) {
    return page(`<h1>${escapeHtml(text(locale, 'preferences.goneHeading'))}</h1><p>${escapeHtml(text(locale, 'preferences.goneText'))}</p>`);
  }
  if (req.method !== 'POST') return page(form(locale, before, false));

  const fields = new URLSearchParams((await readBody(req, 16 * 1024)).toString('utf8'));
  const marketing = fields.get('marketing') === 'on';
  const topics = Object.fromEntries(EMAIL_TOPICS.map((t) => [t.id, fields.get(`topic_${t.id}`) === 'on']));
  const change = { workspaceId: payload.w, customerId: payload.c, source: 'preferences', at: deps.clock.now() };
  await sql.begin(async (tx) => {
    await setMarketingConsent(tx, change, marketing);
    await setTopics(tx, change, before.topics, topics);
  });
  return page(form(locale, await loadRecipient(sql, payload.w, payload.c), true));
}

function form(locale: Locale, recipient: Recipient, saved: boolean): string {
  const t = (key: MessageKey) => escapeHtml(text(locale, key));
  const checked = (on: boolean) => (on ? ' checked' : '');
  // A topic's texts are keyed by its id; a topic the catalogues lack fails catalogue.test.ts.
  const topics = EMAIL_TOPICS.map((topic) => `<label><input type="checkbox" name="topic_${topic.id}"${checked(recipient.topics[topic.id] ?? true)}`
    + ` data-testid="topic-${topic.id}"><div><b>${t(`topic.${topic.id}` as MessageKey)}</b><span>${t(`topic.${topic.id}.help` as MessageKey)}</span></div></label>`).join('');
  return (saved ? `<div class="note" role="status">${t('preferences.saved')}</div>` : '')
    + `<h1>${t('preferences.title')}</h1><p>${html(locale, 'preferences.for', { address: maskEmail(recipient.email) })}</p>`
    + `<form method="post"><label><input type="checkbox" name="marketing"${checked(recipient.marketingConsent)} data-testid="marketing">`
    + `<div><b>${t('preferences.marketing')}</b><span>${t('preferences.marketingHelp')}</span></div></label>`
    + `<div class="topics">${topics}</div><button type="submit">${t('preferences.save')}</button></form>`;
}
