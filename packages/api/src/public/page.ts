// The small HTML pages recipients see (unsubscribe, preferences, errors) and the reply
// helpers of the public endpoints. No cookies, no scripts: the signed token in the URL is
// the only credential, and forms post back to the same URL (its ?lang= included, so a page
// keeps the language its reader switched to).
import { LOCALES, LOCALE_NAMES, type Locale } from '@afterglow/i18n';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { text, type MessageKey } from './catalogue';
import { escapeHtml } from './escape';
import { pageLocale } from './locale';

const STYLE = `
body{margin:0;background:#f5f3ff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1e1b4b}
main{max-width:440px;margin:64px auto;background:#fff;border-radius:16px;padding:32px;box-shadow:0 10px 30px rgba(76,29,149,.08)}
h1{font-size:22px;margin:0 0 12px}p{line-height:1.55;color:#475569;margin:0 0 16px}
.shop{font-size:13px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:#7c3aed;margin-bottom:20px}
button{background:#7c3aed;color:#fff;border:0;border-radius:10px;padding:12px 20px;font-size:15px;font-weight:600;cursor:pointer}
button:hover{background:#6d28d9}a{color:#6d28d9}
label{display:flex;gap:12px;align-items:flex-start;padding:12px 0;border-top:1px solid #ede9fe;cursor:pointer}
label input{flex:none;margin-top:4px;width:18px;height:18px;accent-color:#7c3aed}
label b{display:block;font-size:15px;color:#1e1b4b}label span{font-size:13px;color:#64748b}
.topics{margin:0 0 20px 30px}.note{background:#ecfdf5;color:#065f46;border-radius:10px;padding:10px 14px;margin-bottom:16px;font-size:14px}
.small{font-size:13px;color:#64748b;margin-top:20px}
nav{max-width:440px;margin:-48px auto 32px;padding:0 32px;font-size:13px;color:#64748b;display:flex;flex-wrap:wrap;justify-content:center;gap:4px 14px}
nav [aria-current]{color:#1e1b4b;font-weight:600}
@media (max-width:480px){main{margin:0;border-radius:0;box-shadow:none;min-height:auto;padding:24px 20px}nav{margin:0;padding:16px 20px 32px}}`;

/** Links to the page in each other language (relative: the same path, the same token). */
function languageSwitch(locale: Locale): string {
  const links = LOCALES.map((l) => (l === locale
    ? `<span aria-current="true" lang="${l}">${escapeHtml(LOCALE_NAMES[l])}</span>`
    : `<a href="?lang=${l}" lang="${l}" hreflang="${l}">${escapeHtml(LOCALE_NAMES[l])}</a>`));
  return `<nav aria-label="${escapeHtml(text(locale, 'page.language'))}">${links.join('')}</nav>`;
}

export interface PageContent {
  /** Plain text. */
  title: string;
  /** HTML, escaped by the caller. */
  body: string;
  /** The shop's name (plain text), shown above the body. */
  shop?: string;
  /** CSS of this page alone, after the shared style. */
  style?: string;
}

export function sendPage(res: ServerResponse, status: number, locale: Locale, { title, body, shop = '', style = '' }: PageContent): void {
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">`
    + `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">`
    + `<title>${escapeHtml(title)}</title><style>${STYLE}${style}</style></head><body><main>`
    + (shop ? `<div class="shop">${escapeHtml(shop)}</div>` : '')
    + `${body}</main>${languageSwitch(locale)}</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store', 'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

/** A page of a heading and one paragraph, the keys `<name>.title`, `.heading` and `.text`. */
export function sendNotice(res: ServerResponse, status: number, locale: Locale, name: 'badLink' | 'linkGone'): void {
  const t = (part: string) => escapeHtml(text(locale, `${name}.${part}` as MessageKey));
  sendPage(res, status, locale, { title: text(locale, `${name}.title`), body: `<h1>${t('heading')}</h1><p>${t('text')}</p>` });
}

/** A token that does not verify: nobody is known, so the browser's language speaks. */
export function badLink(req: IncomingMessage, res: ServerResponse): void {
  sendNotice(res, 400, pageLocale(req), 'badLink');
}

export function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.writeHead(405, { allow, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('Method not allowed');
}

/**
 * "a•••@example.com": enough for the recipient to recognise, little for anyone else; 'none' without
 * an address (the messages then say "your address" in their language).
 */
export function maskEmail(email: string | null): string {
  const [local, domain] = email?.split('@') ?? [];
  return domain ? `${local.slice(0, 1)}•••@${domain}` : 'none';
}

/** Only for telling people from proxies and scanners, never for access decisions. */
export function clientIp(req: IncomingMessage): string | null {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || null;
}
