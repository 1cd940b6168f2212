// /w/:token, the customer's hosted My rewards page, reached from any email ({{ customer.rewardsUrl }};
// the token: one customer, signed with the workspace's secret, expiring). GET shows the balance,
// tier, rewards, referral link and history; POST redeems one reward (runRedemption: the debit, the
// coupon and the Reward Redeemed event in one transaction) and shows the page with the coupon code
// on top. The form's hidden key is the idempotency key: the same form posted twice (a double tap, a
// reload) redeems once and shows the same coupon. A refusal is a 4xx page that says why, in the
// customer's language; a link that does not verify is a 400 page, an expired one a 410 page.
import { referralUrl, REWARDS_LINK_DAYS } from '@afterglow/email';
import type { Locale } from '@afterglow/i18n';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../ingest/http-io';
import { RedemptionRefused } from '../loyalty/redeem';
import { REFUSAL_STATUS } from '../loyalty/refusals';
import { runRedemption } from '../loyalty/redeem-run';
import { verifyWithWorkspace } from './consent';
import { pageLocale } from './locale';
import { badLink, methodNotAllowed, sendPage } from './page';
import { rewardsHtml, rewardsText } from './rewards-catalogue';
import { loadRewardsLanguages, loadRewardsView } from './rewards-store';
import { REWARDS_STYLE, rewardsBody, type RewardsOutcome } from './rewards-view';
import type { PublicDeps } from './types';

const KEY_SHAPE = /^[A-Za-z0-9-]{8,100}$/;

interface Scope { workspaceId: string; customerId: string }

function notice(res: ServerResponse, status: number, locale: Locale, name: 'expired' | 'gone', shop: string): void {
  const text = name === 'expired' ? `<p>${rewardsHtml(locale, 'expired.text', { days: REWARDS_LINK_DAYS })}</p>` : '';
  sendPage(res, status, locale, { title: rewardsText(locale, `${name}.title`), shop, body: `<h1 data-testid="rewards-${name}">${rewardsHtml(locale, `${name}.heading`)}</h1>${text}` });
}

async function show(deps: PublicDeps, res: ServerResponse, locale: Locale, scope: Scope, shop: string, status: number, outcome?: RewardsOutcome): Promise<void> {
  const view = await loadRewardsView(deps.database.sql, scope.workspaceId, scope.customerId, shop, deps.clock.now());
  if (!view) return notice(res, 404, locale, 'gone', shop);
  const publicUrl = deps.publicUrl?.();
  const link = view.referralCode && publicUrl ? referralUrl(publicUrl, scope.workspaceId, view.referralCode) : null;
  sendPage(res, status, locale, { title: rewardsText(locale, 'title'), shop, style: REWARDS_STYLE, body: rewardsBody(locale, { view, referralUrl: link, outcome, newKey: randomUUID }) });
}

async function redeem(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, locale: Locale, scope: Scope, shop: string): Promise<void> {
  const form = new URLSearchParams((await readBody(req, 4 * 1024)).toString('utf8'));
  const rewardId = form.get('reward') ?? '';
  const key = form.get('key') ?? '';
  if (!rewardId || rewardId.length > 40 || !KEY_SHAPE.test(key)) {
    return show(deps, res, locale, scope, shop, 400, { refusal: 'refused.unknown', values: {} });
  }
  try {
    const done = await runRedemption(
      { database: deps.database, enrolEvents: deps.onEventsStored, wake: deps.afterCommit, log: deps.log },
      { ...scope, rewardId, idempotencyKey: `page:${key}`, now: deps.clock.now() },
    );
    return show(deps, res, locale, scope, shop, 200, { coupon: done.coupon, rewardName: done.reward.name });
  } catch (err) {
    if (!(err instanceof RedemptionRefused)) throw err;
    if (err.reason === 'unknown_customer') return notice(res, 404, locale, 'gone', shop);
    const view = await loadRewardsView(deps.database.sql, scope.workspaceId, scope.customerId, shop, deps.clock.now());
    const reward = view?.summary.rewards.find((r) => r.id === rewardId)?.name ?? rewardId;
    const refusal = err.reason === 'insufficient_points' ? 'refused.insufficient' : err.reason === 'reward_disabled' ? 'refused.disabled' : 'refused.unknown';
    return show(deps, res, locale, scope, shop, REFUSAL_STATUS[err.reason], { refusal, values: { reward, cost: err.detail.cost ?? 0, balance: err.detail.balance ?? 0 } });
  }
}

export async function handleRewards(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');
  const payload = await verifyWithWorkspace(deps.database, token, 'w');
  if (!payload) return badLink(req, res);
  const scope = { workspaceId: payload.w, customerId: payload.c };
  const { shopName, ...languages } = await loadRewardsLanguages(deps.database.sql, scope.workspaceId, scope.customerId);
  const locale = pageLocale(req, languages);
  if (payload.x * 1000 <= deps.clock.now().getTime()) return notice(res, 410, locale, 'expired', shopName);
  if (!languages.customerKnown) return notice(res, 404, locale, 'gone', shopName);
  if (req.method !== 'POST') return show(deps, res, locale, scope, shopName, 200);
  return redeem(deps, req, res, locale, scope, shopName);
}
