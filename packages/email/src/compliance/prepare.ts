// The last step of rendering an email for one recipient: every http(s) link becomes a signed
// click link whose target is recorded (returned as `links`, stored per outbox row), an open
// pixel is added, and marketing email gets its unsubscribe and preference links: in a footer
// and as RFC 8058 one-click List-Unsubscribe headers. Transactional email says so in a header
// and carries no unsubscribe footer.
import type { Locale } from '@afterglow/i18n';
import { footerTexts, type FooterTexts } from './footer-texts';
import { signToken } from './tokens';

export interface ComplianceInput {
  html: string;
  text: string;
  kind: 'marketing' | 'transactional';
  /** Marketing topic; sent as X-Afterglow-Topic so the dispatcher can honour a later opt-out. */
  topic?: string;
  workspaceId: string;
  customerId: string;
  /** The outbox row this email becomes: tokens name it. */
  outboxId: string;
  secret: string;
  /** Base of links, e.g. https://shop-mail.example.com (AFTERGLOW_PUBLIC_URL). */
  publicUrl: string;
  shopName?: string;
  /** The email's locale: the footer is written in it (English when not given). */
  locale?: Locale;
}

export interface PreparedEmail {
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Targets of the tracked links, by index. */
  links: string[];
}

const MAX_TRACKED_LINKS = 200;

const decodeHref = (s: string) => s
  .replace(/&(amp|#0*38|#x0*26);/gi, '&').replace(/&(quot|#0*34|#x0*22);/gi, '"')
  .replace(/&(#0*39|#x0*27|apos);/gi, "'").trim();

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Absolute http(s) URL, normalised; anything else (mailto:, tel:, #top, relative, javascript:) is left alone. */
export function trackableUrl(href: string): string | null {
  if (!/^https?:\/\//i.test(href)) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function normalisePublicUrl(publicUrl: string): string {
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`publicUrl must be http(s): ${publicUrl}`);
  return url.href.replace(/\/+$/, '');
}

export function complianceUrls(base: string, input: Pick<ComplianceInput, 'workspaceId' | 'customerId' | 'outboxId' | 'secret'>) {
  const { workspaceId: w, customerId: c, outboxId: o, secret } = input;
  return {
    unsubscribe: `${base}/u/${signToken(secret, { t: 'u', w, c, o })}`,
    preferences: `${base}/p/${signToken(secret, { t: 'p', w, c })}`,
    pixel: `${base}/t/o/${signToken(secret, { t: 'o', w, o })}.gif`,
    click: (i: number) => `${base}/t/c/${signToken(secret, { t: 'c', w, o, i })}`,
  };
}

function rewriteLinks(html: string, click: (i: number) => string): { html: string; links: string[] } {
  const links: string[] = [];
  const indexOf = new Map<string, number>();
  const out = html.replace(/(<a\b[^>]*?\bhref\s*=\s*)("([^"]*)"|'([^']*)')/gi, (whole, start: string, _q, dq?: string, sq?: string) => {
    const target = trackableUrl(decodeHref(dq ?? sq ?? ''));
    if (!target) return whole;
    let i = indexOf.get(target);
    if (i === undefined) {
      if (links.length >= MAX_TRACKED_LINKS) return whole;
      i = links.push(target) - 1;
      indexOf.set(target, i);
    }
    return `${start}"${escapeHtml(click(i))}"`;
  });
  return { html: out, links };
}

function beforeBodyEnd(html: string, insert: string): string {
  // MJML writes </body> in lower case; only other HTML pays for a lower-cased copy.
  const lower = html.lastIndexOf('</body>');
  const at = lower >= 0 ? lower : html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? html + insert : html.slice(0, at) + insert + html.slice(at);
}

function footerHtml(urls: { unsubscribe: string; preferences: string }, shopName: string, texts: FooterTexts): string {
  const link = 'color:#6b7280;text-decoration:underline';
  return '<div style="max-width:600px;margin:0 auto;text-align:center;font-family:Helvetica,Arial,sans-serif;font-size:12px;line-height:18px;color:#6b7280;padding:24px 16px">'
    + `${texts.reason(escapeHtml(shopName))} `
    + `<a href="${escapeHtml(urls.unsubscribe)}" style="${link}">${texts.unsubscribe}</a> · `
    + `<a href="${escapeHtml(urls.preferences)}" style="${link}">${texts.preferences}</a></div>`;
}

export function prepareForSending(input: ComplianceInput): PreparedEmail {
  const base = normalisePublicUrl(input.publicUrl);
  const urls = complianceUrls(base, input);
  const tracked = rewriteLinks(input.html, urls.click);
  let footer = '';
  let text = input.text;
  const headers: Record<string, string> = { 'X-Afterglow-Kind': input.kind };
  if (input.kind === 'marketing') {
    const texts = footerTexts(input.locale);
    footer = footerHtml(urls, input.shopName ?? 'our shop', texts);
    text = `${text.trimEnd()}\n\n--\n${texts.unsubscribe}: ${urls.unsubscribe}\n${texts.preferences}: ${urls.preferences}\n`;
    headers['List-Unsubscribe'] = `<${urls.unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    if (input.topic) headers['X-Afterglow-Topic'] = input.topic;
  }
  const pixel = `<img src="${escapeHtml(urls.pixel)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0" />`;
  const html = beforeBodyEnd(tracked.html, footer + pixel);
  return { html, text, headers, links: tracked.links };
}
