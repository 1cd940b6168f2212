// One digest email: the week's figures as label and value lines, a button to the dashboard, in
// the recipient's language, numbers and money written the way that language writes them.
import { formatNumber, type Locale } from '@afterglow/i18n';
import type { DashboardFigures } from '@afterglow/db';
import { DIGEST_TEXTS, fill } from './texts';

export interface DigestInput {
  locale: Locale;
  shop: string;
  name: string;
  week: { from: string; to: string };
  figures: DashboardFigures;
  currency: string;
  dashboardUrl: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function digestEmail(input: DigestInput): { subject: string; html: string; text: string } {
  const { locale, figures: f } = input;
  const t = DIGEST_TEXTS[locale];
  const day = (d: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const n = (v: number) => formatNumber(locale, v, { maximumFractionDigits: 0 });
  const money = (v: number) => formatNumber(locale, v, { style: 'currency', currency: input.currency });
  const share = (v: number | null) => (v === null ? '–' : formatNumber(locale, v, { style: 'percent', maximumFractionDigits: 1 }));
  const values = { shop: input.shop, name: input.name, from: day(input.week.from), to: day(input.week.to) };
  const top = f.journeys.find((j) => j.revenue > 0);
  const lines: [string, string][] = [
    [t.revenue, money(f.attributed.revenue)],
    [t.orders, n(f.attributed.conversions)],
    ...(top ? [[t.topJourney, `${top.name} (${money(top.revenue)})`] as [string, string]] : []),
    [t.emails, n(f.email.sent)],
    [t.delivered, `${n(f.email.delivered)} (${share(f.email.deliveredRate)})`],
    [t.bounced, n(f.email.bounced)],
    [t.hardBounced, n(f.email.hardBounced)],
    [t.softBounced, n(f.email.softBounced)],
    [t.unsubscribed, n(f.email.unsubscribed)],
    [t.complained, n(f.email.complained)],
    [t.coupons, `${n(f.coupons.redeemed)} / ${n(f.coupons.issued)}`],
    [t.discount, money(f.coupons.discountGiven)],
    [t.pointsIssued, n(f.loyalty.issued)],
    [t.pointsRedeemed, n(f.loyalty.redeemed)],
    [t.pointsOutstanding, n(f.loyalty.outstanding)],
  ];
  const rows = lines.map(([label, value]) =>
    `<tr><td style="padding:4px 12px 4px 0;color:#475569">${escapeHtml(label)}</td><td style="padding:4px 0;text-align:right;font-weight:600">${escapeHtml(value)}</td></tr>`).join('');
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#1e293b;max-width:560px;margin:0 auto;padding:24px">`
    + p(fill(t.greeting, values)) + p(fill(t.intro, values))
    + `<table style="border-collapse:collapse;margin:0 0 16px">${rows}</table>`
    + `<p style="margin:24px 0"><a href="${escapeHtml(input.dashboardUrl)}" style="background:#7c3aed;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">${escapeHtml(t.action)}</a></p>`
    + `<p style="margin:0 0 8px;font-size:12px;color:#64748b">${escapeHtml(t.utc)}</p><p style="margin:0;font-size:12px;color:#64748b">${escapeHtml(t.why)}</p></body></html>`;
  const text = [fill(t.greeting, values), fill(t.intro, values), lines.map(([l, v]) => `${l}: ${v}`).join('\n'),
    `${t.action}: ${input.dashboardUrl}`, t.utc, t.why].join('\n\n');
  return { subject: fill(t.subject, values).replace(/[\r\n]+/g, ' '), html, text };
}
