// /r/:token, the hosted review page reached from a review-request email (the token: one order
// of one customer, signed with the workspace's secret, expiring; see @afterglow/email
// review-links). GET shows the form, filled with the reviews already given; POST stores them
// and says thank you. A form with a problem comes back as a 400 naming the field; a link that
// does not verify is a 400 page, an expired one a 410 page, both in the reader's language.
import { REVIEW_LINK_DAYS } from '@afterglow/email';
import type { Locale } from '@afterglow/i18n';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../ingest/http-io';
import { retryTransaction } from '../ingest/retry';
import { verifyWithWorkspace } from './consent';
import { pageLocale } from './locale';
import { badLink, methodNotAllowed, sendPage } from './page';
import { reviewHtml, reviewText } from './review-catalogue';
import { REVIEW_STYLE, reviewFormBody, type ReviewFormState } from './review-form';
import { parseReviewForm } from './review-input';
import { loadReviewOrder, saveReviews, type ReviewOrder } from './review-store';
import type { PublicDeps } from './types';

// A dozen products with a full text each, and room for the form's names.
const FORM_LIMIT = 128 * 1024;

function notice(res: ServerResponse, status: number, locale: Locale, name: 'expired' | 'empty' | 'thanks', shop: string): void {
  const values = { days: REVIEW_LINK_DAYS };
  sendPage(res, status, locale, {
    title: reviewText(locale, `${name}.title`), shop,
    body: `<h1 data-testid="review-${name}">${reviewHtml(locale, `${name}.heading`)}</h1><p>${reviewHtml(locale, `${name}.text`, values)}</p>`,
  });
}

function form(res: ServerResponse, status: number, locale: Locale, order: ReviewOrder, state: ReviewFormState): void {
  sendPage(res, status, locale, { title: reviewText(locale, 'title'), shop: order.shopName, style: REVIEW_STYLE, body: reviewFormBody(locale, state) });
}

export async function handleReview(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');
  const payload = await verifyWithWorkspace(deps.database, token, 'r');
  if (!payload) return badLink(req, res);
  const scope = { workspaceId: payload.w, customerId: payload.c, orderId: payload.o };
  const order = await loadReviewOrder(deps.database.sql, scope.workspaceId, scope.customerId, scope.orderId);
  const locale = pageLocale(req, order.languages);
  if (payload.x * 1000 <= deps.clock.now().getTime()) return notice(res, 410, locale, 'expired', order.shopName);
  if (order.items.length === 0) return notice(res, 404, locale, 'empty', order.shopName);
  const firstProduct = new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('product');

  if (req.method !== 'POST') return form(res, 200, locale, order, { items: order.items, firstProduct });
  const body = (await readBody(req, FORM_LIMIT)).toString('utf8');
  const parsed = parseReviewForm(body, order.items);
  if ('problems' in parsed) {
    return form(res, 400, locale, order, { items: order.items, firstProduct, posted: new URLSearchParams(body), problems: parsed.problems });
  }
  const now = deps.clock.now();
  const stored = await retryTransaction(() => deps.database.sql.begin(async (tx) => {
    const events = await saveReviews(tx, scope, parsed.reviews, now);
    if (events.length > 0) await deps.onEventsStored?.(tx, events);
    return events.length;
  }));
  deps.log?.info('reviews submitted', { workspaceId: scope.workspaceId, orderId: scope.orderId, reviews: parsed.reviews.length, changed: stored });
  if (stored > 0) {
    try {
      await deps.afterCommit?.();
    } catch (err) {
      // The reviews and their events are stored: a missed wake-up only delays the journeys until the next tick.
      deps.log?.warn('wake-up after a review failed', { error: String(err) });
    }
  }
  return notice(res, 200, locale, 'thanks', order.shopName);
}
