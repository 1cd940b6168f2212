// /ref/:workspace/:code, the referral link a customer shares (merge field customer.referralUrl).
// Records a "Referral Link Opened" for the visitor (anonymous until the shop identifies them:
// a first-party cookie keeps the visitor's id and the code), then sends them on to the shop with
// ?ref=<code>, so the shop can offer the code at checkout or send it as the identify trait
// referral_code. An unknown code still reaches the shop (without ?ref): a customer never sees an
// error page for a mistyped link, and a failure to record never stops the redirect.
import { normaliseReferralCode } from '@afterglow/db';
import { REFERRAL_LINK_OPENED } from '@afterglow/journey-core';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { retryTransaction } from '../ingest/retry';
import { trackSchema, type ParsedMessage } from '../ingest/schema';
import { storeMessages } from '../ingest/store';
import { text } from './catalogue';
import { escapeHtml } from './escape';
import { pageLocale } from './locale';
import { methodNotAllowed, sendPage } from './page';
import type { PublicDeps } from './types';

/** The visitor's anonymous id and the code they came with; a referral is usually completed within weeks. */
export const VISITOR_COOKIE = 'ag_aid';
export const REFERRAL_COOKIE = 'ag_ref';
const COOKIE_DAYS = 60;

const cookieOf = (req: IncomingMessage, name: string): string | null => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
};

const visitorId = (req: IncomingMessage) => {
  const id = cookieOf(req, VISITOR_COOKIE);
  return id && /^[A-Za-z0-9-]{8,64}$/.test(id) ? id : randomUUID();
};

const decoded = (segment: string) => {
  try { return decodeURIComponent(segment); } catch { return ''; }
};

function shopAddress(raw: string | null, code: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (code) url.searchParams.set('ref', code);
    return url.toString();
  } catch { return null; }
}

async function recordOpening(deps: PublicDeps, workspaceId: string, anonymousId: string, code: string, referrerId: string): Promise<void> {
  const now = deps.clock.now();
  const message = { kind: 'track', msg: trackSchema.parse({
    messageId: `ref:${randomUUID()}`, anonymousId, event: REFERRAL_LINK_OPENED, timestamp: now.toISOString(),
    properties: { code, referrer_id: referrerId },
  }) } as ParsedMessage;
  const stored = await retryTransaction(() => deps.database.sql.begin(async (tx) => {
    const events = await storeMessages(tx, workspaceId, [message], now);
    if (events.length > 0) await deps.onEventsStored?.(tx, events);
    return events.length;
  }));
  if (stored > 0) await deps.afterCommit?.();
}

export async function handleReferralLink(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
  const [workspaceId, rawCode] = path.split('/').map(decoded);
  const code = normaliseReferralCode(rawCode);
  const [found] = await deps.database.sql<{ shopUrl: string | null; referrerId: string | null }[]>`
    select w.settings->'shop'->>'url' as "shopUrl", r.customer_id as "referrerId"
    from workspaces w left join referral_codes r on r.workspace_id = w.id and r.code = ${code ?? ''}
    where w.id = ${workspaceId}`;
  const known = found?.referrerId ? code : null;
  const target = shopAddress(found?.shopUrl ?? null, known);
  if (!target) {
    // No such workspace, or a shop without its address in Settings: there is nowhere to go.
    const locale = pageLocale(req);
    return sendPage(res, 404, locale, { title: text(locale, 'notFound.title'), body: `<h1>${escapeHtml(text(locale, 'notFound.heading'))}</h1>` });
  }
  const cookies: string[] = [];
  if (known && found?.referrerId && req.method === 'GET') {
    const anonymousId = visitorId(req);
    const attributes = `Path=/; Max-Age=${COOKIE_DAYS * 86_400}; HttpOnly; SameSite=Lax`;
    cookies.push(`${VISITOR_COOKIE}=${anonymousId}; ${attributes}`, `${REFERRAL_COOKIE}=${known}; ${attributes}`);
    await recordOpening(deps, workspaceId, anonymousId, known, found.referrerId).catch((err: unknown) => {
      deps.log?.warn('a referral link opening was not recorded', { workspaceId, error: String(err) });
    });
  }
  res.writeHead(302, { location: target, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...(cookies.length ? { 'set-cookie': cookies } : {}) });
  res.end();
}
