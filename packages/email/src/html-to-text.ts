// The text/plain alternative of an email, from its rendered HTML. MJML output is nested
// tables; what matters in the text part is the words, the line breaks and the links.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#34': '"' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10), whole);
    return ENTITIES[lower] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

export function htmlToText(html: string): string {
  let s = html;
  // Invisible parts: head, styles, scripts, comments (including Outlook conditionals),
  // and the hidden preheader div that MJML adds for inbox previews.
  s = s.replace(/<head[\s\S]*?<\/head>/gi, '');
  s = s.replace(/<(style|script|title)[\s\S]*?<\/\1>/gi, '');
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/<div[^>]*display:\s*none[^>]*>[\s\S]*?<\/div>/gi, '');
  s = s.replace(/<a\b[^>]*href\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a>/gi, (_m, _q, dq, sq, inner: string) => {
    const href = decodeEntities(dq ?? sq ?? '');
    const label = inner.replace(/<[^>]+>/g, '').trim();
    if (!href || href.startsWith('#') || href.startsWith('mailto:')) return label;
    return label && decodeEntities(label) !== href ? `${label} (${href})` : href;
  });
  s = s.replace(/<img\b[^>]*\balt\s*=\s*"([^"]+)"[^>]*>/gi, ' $1 ');
  s = s.replace(/<br\s*\/?>/gi, '\n');
  s = s.replace(/<li\b[^>]*>/gi, '\n- ');
  s = s.replace(/<\/(p|div|h[1-6]|tr|table|ul|ol|li|blockquote)>/gi, '\n');
  s = s.replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  // Per line: runs of blanks become one space, and no line starts or ends with one. Done
  // on the whole text at once (not line by line): an email renders this for every message.
  return s
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
