// The value an Update profile step sets, in words for its card: the marketer's text quoted as
// written, each merge field named by where it comes from ("the event’s city"), never raw Liquid.
import type { Language, Say } from '../../shared/translate';
import { QUOTE } from '../../shared/words';

const FIELD = /\{\{\s*([^}|]*?)\s*(?:\|[^}]*)?\}\}/g;

/** "the event’s city": a merge field's source and name, per language. */
const SOURCES: Record<Language, Record<string, (name: string) => string>> = {
  en: { customer: (n) => `the customer’s ${n}`, event: (n) => `the event’s ${n}`, coupon: (n) => `the coupon’s ${n}` },
  sr: { customer: (n) => `${n} купца`, event: (n) => `${n} из догађаја`, coupon: (n) => `${n} купона` },
  sl: { customer: (n) => `${n} kupca`, event: (n) => `${n} iz dogodka`, coupon: (n) => `${n} kupona` },
  ru: { customer: (n) => `${n} покупателя`, event: (n) => `${n} из события`, coupon: (n) => `${n} купона` },
};

function fieldInWords(path: string, language: Language, say: Say): string {
  const [source, ...rest] = path.split('.');
  const name = rest.filter((p) => p !== 'attributes').join('.');
  const phrase = Object.hasOwn(SOURCES[language], source) ? SOURCES[language][source] : null;
  return phrase !== null && name ? phrase(say.quote(name)) : say.quote(path);
}

/** The value as literal parts and named merge fields, joined by "+". */
export function valueInWords(value: string, language: Language, say: Say): string {
  const parts: string[] = [];
  let at = 0;
  for (const m of value.matchAll(FIELD)) {
    const literal = value.slice(at, m.index);
    if (literal.trim()) parts.push(QUOTE[language](say.quote(literal)));
    parts.push(fieldInWords(m[1], language, say));
    at = m.index + m[0].length;
  }
  const rest = value.slice(at);
  if (rest.trim() || parts.length === 0) parts.push(QUOTE[language](say.quote(rest)));
  return parts.join(' + ');
}
