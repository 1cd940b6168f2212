// Merge fields as a card says them: a subject "Thank you, {{ customer.firstName }}!" reads
// "Thank you, «first name»!". The fields the template editor offers have words in each language; any
// other path (an event's property, a custom attribute) is named by its last part, as the marketer
// wrote it. Tags ({% if %}, {% for %}) are left out: the card shows the text, not the logic.
import type { Language } from './translate';

const FIELDS: Record<string, Record<Language, string>> = {
  'customer.firstName': { en: 'first name', sr: 'име', sl: 'ime', ru: 'имя' },
  'customer.lastName': { en: 'last name', sr: 'презиме', sl: 'priimek', ru: 'фамилия' },
  'customer.fullName': { en: 'full name', sr: 'име и презиме', sl: 'ime in priimek', ru: 'имя и фамилия' },
  'customer.email': { en: 'email address', sr: 'имејл адреса', sl: 'e-poštni naslov', ru: 'email' },
  'order.id': { en: 'order number', sr: 'број поруџбине', sl: 'številka naročila', ru: 'номер заказа' },
  'order.total': { en: 'order total', sr: 'износ поруџбине', sl: 'znesek naročila', ru: 'сумма заказа' },
  'coupon.code': { en: 'coupon code', sr: 'код купона', sl: 'koda kupona', ru: 'код купона' },
  'coupon.description': { en: 'coupon', sr: 'опис купона', sl: 'opis kupona', ru: 'описание купона' },
  'coupon.expiresAt': { en: 'coupon expiry', sr: 'рок важења купона', sl: 'veljavnost kupona', ru: 'срок действия купона' },
  'loyalty.points': { en: 'points balance', sr: 'стање бодова', sl: 'stanje točk', ru: 'баланс баллов' },
  'loyalty.tier': { en: 'tier', sr: 'ниво', sl: 'raven', ru: 'уровень' },
  'shop.name': { en: 'shop name', sr: 'назив продавнице', sl: 'ime trgovine', ru: 'название магазина' },
  'shop.url': { en: 'shop link', sr: 'линк продавнице', sl: 'povezava do trgovine', ru: 'ссылка на магазин' },
};

/** Around a placeholder: guillemets, but „…“ in Russian, whose own quotation marks are «…». */
const MARK: Record<Language, (word: string) => string> = {
  en: (w) => `«${w}»`, sr: (w) => `«${w}»`, sl: (w) => `«${w}»`, ru: (w) => `„${w}“`,
};

// {{ path | filter: … }} and {% tag %}, the two kinds of Liquid markup.
const MARKUP = /\{\{-?\s*([^}|]*?)\s*(?:\|[^}]*)?-?\}\}|\{%[\s\S]*?%\}/g;

/** One piece of a text: the marketer's own words, or a merge field said in the reader's language. */
type Piece = { text: string } | { field: string };

/** The text cut into the marketer's words and merge fields; tags dropped, spaces they leave closed. */
export function pieces(source: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of source.matchAll(MARKUP)) {
    if (m.index > at) out.push({ text: source.slice(at, m.index) });
    if (m[0].startsWith('{{')) out.push({ field: m[1] });
    at = m.index + m[0].length;
  }
  if (at < source.length) out.push({ text: source.slice(at) });
  return out.map((p) => ('text' in p ? { text: p.text.replace(/\s{2,}/g, ' ') } : p));
}

/** A merge field's words in `language`, between placeholder marks; an unknown path by its last part. */
export function fieldWords(path: string, language: Language): { words: string; own: boolean } {
  const known = FIELDS[path];
  if (known) return { words: known[language], own: false };
  const last = path.split('.').filter(Boolean).pop() ?? '…';
  return { words: last.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`), own: true };
}

export const placeholder = (language: Language, word: string) => MARK[language](word);
