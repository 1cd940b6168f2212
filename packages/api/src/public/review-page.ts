// /r/:token, the hosted review page reached from a review-request email (the token: one order
// of one customer, signed with the workspace's secret, expiring; see @afterglow/email
// review-links). GET shows the form, filled with the reviews already given; POST stores them
// and says thank you. A form with a problem comes back as a 400 naming the field (a photo that is
// not a JPEG, PNG or WebP by its bytes, or too large, included); a body over the upload limit is a
// 413 page; a link that does not verify is a 400 page, an expired one a 410 page, all in the
// reader's language.
import { REVIEW_LINK_DAYS } from '@afterglow/email';
import type { Locale } from '@afterglow/i18n';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from '../ingest/http-io';
import { retryTransaction } from '../ingest/retry';
import { verifyWithWorkspace } from './consent';
import { pageLocale } from './locale';
import { badLink, methodNotAllowed, sendPage } from './page';
import { readReviewForm, UPLOAD_LIMIT, type PostedForm } from './review-body';
import { reviewHtml, reviewText } from './review-catalogue';
import { REVIEW_STYLE, reviewFormBody, type ReviewFormState } from './review-form';
import { parseReviewForm } from './review-input';
import { loadReviewOrder, saveReviews, type ReviewOrder } from './review-store';
import type { PublicDeps } from './types';

function notice(res: ServerResponse, status: number, locale: Locale, name: 'expired' | 'empty' | 'thanks' | 'tooLarge', shop: string): void {
  const values = { days: REVIEW_LINK_DAYS, max: Math.floor(UPLOAD_LIMIT / 1024 / 1024) };
  // Back to the form: the same address, read again (GET), with its ?lang= and ?product=.
  const back = name === 'tooLarge' ? `<p><a href="" data-testid="review-back">${reviewHtml(locale, 'tooLarge.back')}</a></p>` : '';
  sendPage(res, status, locale, {
    title: reviewText(locale, `${name}.title`), shop,
    body: `<h1 data-testid="review-${name}">${reviewHtml(locale, `${name}.heading`)}</h1><p>${reviewHtml(locale, `${name}.text`, values)}</p>${back}`,
  });
}

/** The form as posted; null (the 413 page sent) for a body over the upload limit. */
async function readPosted(res: ServerResponse, req: IncomingMessage, locale: Locale, shop: string): Promise<PostedForm | null> {
  try {
    return await readReviewForm(req);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status !== 413) throw err;
    notice(res, 413, locale, 'tooLarge', shop);
    return null;
  }
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

  const { workspaceId } = scope;
  if (req.method !== 'POST') return form(res, 200, locale, order, { workspaceId, items: order.items, firstProduct });
  const posted = await readPosted(res, req, locale, order.shopName);
  if (!posted) return;
  const parsed = parseReviewForm(posted, order.items);
  if ('problems' in parsed) {
    const photosSent = new Set([...posted.files.keys()].map((name) => Number(name.slice('photo_'.length))));
    return form(res, 400, locale, order, { workspaceId, items: order.items, firstProduct, posted: posted.fields, problems: parsed.problems, photosSent });
  }
  const now = deps.clock.now();
  const stored = await retryTransaction(() => deps.database.sql.begin(async (tx) => {
    const events = await saveReviews(tx, scope, parsed.reviews, now);
    if (events.length > 0) await deps.onEventsStored?.(tx, events);
    return events.length;
  }));
  const photos = parsed.reviews.filter((r) => r.photo && r.photo !== 'remove').length;
  deps.log?.info('reviews submitted', { workspaceId, orderId: scope.orderId, reviews: parsed.reviews.length, photos, changed: stored });
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
