// The My rewards page's HTML, phone first and without script: the balance, the tier with its
// benefits and a bar to the next, the rewards (each a small POST form with a one-time key, so a
// double tap redeems once), the referral link, and the last points. A redemption just made shows
// its coupon code on top; a refusal says why in the same place.
import type { Locale } from '@afterglow/i18n';
import { escapeHtml } from './escape';
import { rewardsHtml, type RewardsMessageKey } from './rewards-catalogue';
import type { RewardsView } from './rewards-store';

export const REWARDS_STYLE = `
main{max-width:520px}h2{font-size:17px;margin:24px 0 10px;color:#1e1b4b}
.balance{text-align:center;background:#f5f3ff;border-radius:14px;padding:18px 12px;margin-bottom:16px}
.balance small{display:block;font-size:12px;letter-spacing:.06em;text-transform:uppercase;color:#7c3aed;font-weight:600}
.balance strong{display:block;font-size:36px;line-height:1.2;color:#4c1d95}
.tier p{margin:0 0 8px}.tier b{color:#1e1b4b}
.bar{height:10px;background:#ede9fe;border-radius:99px;overflow:hidden;margin:0 0 6px}.bar span{display:block;height:100%;background:#7c3aed}
.reward{display:flex;gap:12px;align-items:center;justify-content:space-between;border-top:1px solid #ede9fe;padding:12px 0}
.reward div{min-width:0;overflow-wrap:anywhere}.reward b{display:block;color:#1e1b4b}.reward span{font-size:13px;color:#64748b}
.reward form{flex:none;margin:0}.reward button[disabled]{background:#c4b5fd;cursor:not-allowed}
.coupon{background:#ecfdf5;border:2px dashed #10b981;border-radius:14px;padding:16px;text-align:center;margin-bottom:16px}
.coupon h2{margin:0 0 6px;color:#065f46}.coupon code{display:block;font-size:28px;font-weight:700;letter-spacing:.08em;color:#065f46;overflow-wrap:anywhere;margin:6px 0}
.coupon p{margin:0;color:#065f46;font-size:14px}
.refusal{background:#fef2f2;color:#991b1b;border-radius:10px;padding:10px 14px;margin-bottom:16px;font-size:14px}
.referral input{box-sizing:border-box;width:100%;margin-bottom:12px;border:1px solid #ddd6fe;border-radius:10px;padding:10px;font:inherit;font-size:14px;color:#1e1b4b}
.referral code{font-size:18px;font-weight:700;letter-spacing:.08em;color:#4c1d95}
ol{list-style:none;margin:0;padding:0}li{display:flex;justify-content:space-between;gap:12px;border-top:1px solid #ede9fe;padding:8px 0;font-size:14px}
li div{min-width:0;overflow-wrap:anywhere}li span{display:block;font-size:12px;color:#64748b}li b{flex:none;color:#065f46}li b.minus{color:#991b1b}`;

/** A redemption just made (its coupon), or one refused (the message), shown above the balance. */
export type RewardsOutcome =
  | { coupon: { code: string; expiresAt: string | null }; rewardName: string }
  | { refusal: RewardsMessageKey; values: Record<string, string | number> };

export interface RewardsPageState {
  view: RewardsView;
  referralUrl: string | null;
  outcome?: RewardsOutcome;
  /** A fresh idempotency key per reward form. */
  newKey: () => string;
}

const KINDS = new Set(['grant', 'order', 'refund', 'review', 'referral', 'birthday', 'signup', 'redeem', 'expire', 'adjust']);

function outcomeHtml(locale: Locale, outcome: RewardsOutcome | undefined, date: (d: Date) => string): string {
  if (!outcome) return '';
  if ('refusal' in outcome) return `<p class="refusal" role="alert" data-testid="rewards-refusal">${rewardsHtml(locale, outcome.refusal, outcome.values)}</p>`;
  // No full stop after the date: Serbian and Russian dates end in one already ("3. 6. 2026.", "3 июн. 2026 г.").
  const expires = outcome.coupon.expiresAt ? `<p>${rewardsHtml(locale, 'redeemed.expires', { date: date(new Date(outcome.coupon.expiresAt)) })}</p>` : '';
  return `<section class="coupon" role="status"><h2>${rewardsHtml(locale, 'redeemed.heading')}</h2>`
    + `<code data-testid="rewards-coupon">${escapeHtml(outcome.coupon.code)}</code>`
    + `<p>${rewardsHtml(locale, 'redeemed.text', { reward: outcome.rewardName })}</p>${expires}</section>`;
}

function tierHtml(locale: Locale, view: RewardsView, money: (n: number) => string): string {
  const { tier } = view.summary;
  const benefits = tier.benefits ? `<p>${rewardsHtml(locale, 'tier.benefits', { benefits: tier.benefits })}</p>` : '';
  const next = !tier.nextTier ? `<p>${rewardsHtml(locale, 'tier.top')}</p>` : `<div class="bar" role="progressbar" aria-label="${rewardsHtml(locale, 'tier.progress', { tier: tier.nextTier })}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${Math.round(view.progress * 100)}"><span style="width:${(view.progress * 100).toFixed(1)}%"></span></div>`
    + `<p data-testid="rewards-next">${tier.basis === 'spend'
      ? rewardsHtml(locale, 'tier.nextSpend', { amount: money(tier.toNextTier), tier: tier.nextTier })
      : rewardsHtml(locale, 'tier.nextPoints', { count: tier.pointsToNextTier, tier: tier.nextTier })}</p>`;
  return `<section class="tier"><p>${rewardsHtml(locale, 'tier.label')}: <b data-testid="rewards-tier">${escapeHtml(tier.tier)}</b></p>${benefits}${next}</section>`;
}

function rewardsList(locale: Locale, { view, newKey }: RewardsPageState): string {
  const items = view.summary.rewards.map((r) => {
    const short = r.affordable ? '' : ` · ${rewardsHtml(locale, 'rewards.short', { count: r.points - view.summary.balance })}`;
    return `<div class="reward"><div><b>${escapeHtml(r.name)}</b><span>${rewardsHtml(locale, 'points', { count: r.points })}${short}</span></div>`
      + `<form method="post"><input type="hidden" name="reward" value="${escapeHtml(r.id)}"><input type="hidden" name="key" value="${escapeHtml(newKey())}">`
      + `<button type="submit"${r.affordable ? '' : ' disabled'} data-testid="redeem-${escapeHtml(r.id)}">${rewardsHtml(locale, 'rewards.redeem')}</button></form></div>`;
  }).join('');
  return `<h2>${rewardsHtml(locale, 'rewards.title')}</h2>${items || `<p>${rewardsHtml(locale, 'rewards.none')}</p>`}`;
}

function historyHtml(locale: Locale, view: RewardsView, date: (d: Date) => string, number: (n: number) => string): string {
  const lines = view.history.map((l) => `<li><div>${rewardsHtml(locale, `history.kind.${KINDS.has(l.kind) ? l.kind : 'grant'}` as RewardsMessageKey)}`
    + `<span>${escapeHtml(l.reason)} · ${escapeHtml(date(new Date(l.createdAt)))}</span></div>`
    + `<b${l.points < 0 ? ' class="minus"' : ''}>${l.points > 0 ? '+' : ''}${escapeHtml(number(l.points))}</b></li>`).join('');
  return `<h2>${rewardsHtml(locale, 'history.title')}</h2>${lines ? `<ol data-testid="rewards-history">${lines}</ol>` : `<p>${rewardsHtml(locale, 'history.none')}</p>`}`;
}

function referralHtml(locale: Locale, view: RewardsView, url: string | null): string {
  if (!view.referralCode) return '';
  const link = url ? `<input readonly value="${escapeHtml(url)}" aria-label="${rewardsHtml(locale, 'referral.title')}" data-testid="rewards-referral-url">` : '';
  return `<section class="referral"><h2>${rewardsHtml(locale, 'referral.title')}</h2><p>${rewardsHtml(locale, 'referral.text')}</p>${link}`
    + `<p>${rewardsHtml(locale, 'referral.code')}: <code data-testid="rewards-referral-code">${escapeHtml(view.referralCode)}</code></p></section>`;
}

/** A currency or time zone the platform does not know (customers' data is sent by the shop) must not break the page. */
function orElse(format: () => string, fallback: string): string {
  try {
    return format();
  } catch {
    return fallback;
  }
}

export function rewardsBody(locale: Locale, state: RewardsPageState): string {
  const { view } = state;
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const money = (n: number) => orElse(() => new Intl.NumberFormat(locale, { style: 'currency', currency: view.currency }).format(n), `${number(n)} ${view.currency}`);
  const date = (d: Date) => orElse(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: view.timeZone }).format(d), d.toISOString().slice(0, 10));
  return `<h1>${rewardsHtml(locale, 'heading')}</h1>${outcomeHtml(locale, state.outcome, date)}`
    + `<div class="balance"><small>${rewardsHtml(locale, 'balance.label')}</small><strong data-testid="rewards-balance">${rewardsHtml(locale, 'points', { count: view.summary.balance })}</strong></div>`
    + tierHtml(locale, view, money) + rewardsList(locale, state) + referralHtml(locale, view, state.referralUrl)
    + historyHtml(locale, view, date, number);
}
