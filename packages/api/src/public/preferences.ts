// /p/:token: the recipient's preference page, reached from every marketing email's footer.
// Marketing email on or off, and topics; each change is written to the consent ledger.
import { EMAIL_TOPICS } from '@afterglow/email';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../ingest/http-io';
import { loadRecipient, setMarketingConsent, setTopics, verifyWithWorkspace, type Recipient } from './consent';
import { badLink, escapeHtml, maskEmail, methodNotAllowed, sendPage } from './page';
import type { PublicDeps } from './types';

export async function handlePreferences(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');
  const { sql } = deps.database;
  const payload = await verifyWithWorkspace(deps.database, token, 'p');
  if (!payload) return badLink(res);
  const before = await loadRecipient(sql, payload.w, payload.c);
  if (!before.exists) {
    return sendPage(res, 200, 'Email preferences', '<h1>Nothing to manage</h1><p>This address is no longer on our list.</p>', before.shopName);
  }
  if (req.method !== 'POST') return sendPage(res, 200, 'Email preferences', form(before, null), before.shopName);

  const fields = new URLSearchParams((await readBody(req, 16 * 1024)).toString('utf8'));
  const marketing = fields.get('marketing') === 'on';
  const topics = Object.fromEntries(EMAIL_TOPICS.map((t) => [t.id, fields.get(`topic_${t.id}`) === 'on']));
  const change = { workspaceId: payload.w, customerId: payload.c, source: 'preferences', at: deps.clock.now() };
  await sql.begin(async (tx) => {
    await setMarketingConsent(tx, change, marketing);
    await setTopics(tx, change, before.topics, topics);
  });
  const after = await loadRecipient(sql, payload.w, payload.c);
  return sendPage(res, 200, 'Email preferences', form(after, 'Your preferences are saved.'), after.shopName);
}

function form(recipient: Recipient, note: string | null): string {
  const checked = (on: boolean) => (on ? ' checked' : '');
  const topics = EMAIL_TOPICS.map((t) => `<label><input type="checkbox" name="topic_${t.id}"${checked(recipient.topics[t.id] ?? true)}`
    + ` data-testid="topic-${t.id}"><div><b>${escapeHtml(t.label)}</b><span>${escapeHtml(t.help)}</span></div></label>`).join('');
  return (note ? `<div class="note" role="status">${escapeHtml(note)}</div>` : '')
    + `<h1>Email preferences</h1><p>For ${escapeHtml(maskEmail(recipient.email))}. Emails about your orders always arrive.</p>`
    + `<form method="post"><label><input type="checkbox" name="marketing"${checked(recipient.marketingConsent)} data-testid="marketing">`
    + `<div><b>Marketing email</b><span>Offers, news and recommendations. Untick to unsubscribe from all of them.</span></div></label>`
    + `<div class="topics">${topics}</div><button type="submit">Save preferences</button></form>`;
}
