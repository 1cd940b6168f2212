// The endpoints recipients reach from an email, without a session: /u/ (unsubscribe),
// /p/ (preferences), /t/o/ (open pixel), /t/c/ (click), /r/ (review an order) and /w/ (My rewards). Each takes one signed token
// as its only path segment; anything else under these prefixes is a 404. Beside them, the
// storefront's: a product's published reviews as JSON and the reviews' photos (storefront-routes.ts).
// /ref/:workspace/:code, a customer's referral link, is public by design (the code is meant to be
// shared), not signed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from '../ingest/http-io';
import { text } from './catalogue';
import { escapeHtml } from './escape';
import { pageLocale } from './locale';
import { sendPage } from './page';
import { handlePreferences } from './preferences';
import { handleReferralLink } from './referral-link';
import { handleReview } from './review-page';
import { handleRewards } from './rewards-page';
import { isStorefrontPath, serveStorefront } from './storefront-routes';
import { handleClick, handleOpen } from './tracking';
import type { PublicDeps } from './types';
import { handleUnsubscribe } from './unsubscribe';

export type { PublicDeps } from './types';

const ROUTES: Array<[RegExp, (deps: PublicDeps, req: IncomingMessage, res: ServerResponse, token: string) => Promise<void>]> = [
  [/^\/u\/([^/]+)$/, handleUnsubscribe],
  [/^\/p\/([^/]+)$/, handlePreferences],
  [/^\/t\/o\/([^/]+)\.gif$/, handleOpen],
  [/^\/t\/c\/([^/]+)$/, handleClick],
  [/^\/r\/([^/]+)$/, handleReview],
  [/^\/w\/([^/]+)$/, handleRewards],
  [/^\/ref\/([^/]+\/[^/]+)$/, handleReferralLink],
];

/** True for paths this handler owns. */
export const isPublicPath = (pathname: string) => /^\/(u|p|t|r|w|ref)\//.test(pathname) || isStorefrontPath(pathname);

export function createPublicHandler(deps: PublicDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (await serveStorefront(deps, req, res, pathname)) return;
    for (const [pattern, handle] of ROUTES) {
      const match = pattern.exec(pathname);
      if (!match) continue;
      try {
        return await handle(deps, req, res, match[1]);
      } catch (err) {
        // A form body over the limit: say so on a page like the others, not as a server error.
        if (!(err instanceof HttpError) || res.headersSent) throw err;
        const locale = pageLocale(req);
        const said = text(locale, err.status === 413 ? 'refused.tooLarge' : 'refused.other');
        return sendPage(res, err.status, locale, { title: text(locale, 'refused.title'), body: `<h1>${escapeHtml(text(locale, 'refused.title'))}</h1><p>${escapeHtml(said)}</p>` });
      }
    }
    const locale = pageLocale(req);
    sendPage(res, 404, locale, { title: text(locale, 'notFound.title'), body: `<h1>${escapeHtml(text(locale, 'notFound.heading'))}</h1>` });
  };
}
