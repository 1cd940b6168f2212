// The card's one line: the start of the message and what it costs ("1 segment, GSM-7"), in the
// reader's language, merge fields in words. Counted on the message as written (merge fields as typed, after the Latin
// conversion when chosen): the values filled in change the length a little per customer.
import { countSegments } from '../sms/segments.js';
import { toGsm7Latin } from '../sms/transliterate.js';

type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** "segment" by plural category, per language; 'sr' (no script) is Cyrillic, Serbian's default. */
const SEGMENT: Record<string, Plural> = {
  en: { one: 'segment', other: 'segments' },
  'sr-Latn': { one: 'segment', few: 'segmenta', other: 'segmenata' },
  sr: { one: 'сегмент', few: 'сегмента', other: 'сегмената' },
  sl: { one: 'segment', two: 'segmenta', few: 'segmenti', other: 'segmentov' },
  ru: { one: 'сегмент', few: 'сегмента', many: 'сегментов', other: 'сегмента' },
};

/** The most specific language this table has for `locale` ('sr-Latn-RS' -> 'sr-Latn'), else English. */
function languageOf(locale: string | undefined): string {
  const parts = (locale ?? 'en').split('-');
  for (let n = parts.length; n > 0; n--) {
    const tag = parts.slice(0, n).join('-');
    if (SEGMENT[tag]) return tag;
  }
  return 'en';
}

/** The merge fields a marketer uses most, as a card says them; any other by its last part ("order_id" -> "order id"). */
const FIELDS: Record<string, Record<string, string>> = {
  'customer.firstName': { en: 'first name', 'sr-Latn': 'ime', sr: 'име', sl: 'ime', ru: 'имя' },
  'customer.lastName': { en: 'last name', 'sr-Latn': 'prezime', sr: 'презиме', sl: 'priimek', ru: 'фамилия' },
  'coupon.code': { en: 'coupon code', 'sr-Latn': 'kod kupona', sr: 'код купона', sl: 'koda kupona', ru: 'код купона' },
  'loyalty.points': { en: 'points balance', 'sr-Latn': 'stanje bodova', sr: 'стање бодова', sl: 'stanje točk', ru: 'баланс баллов' },
  'shop.name': { en: 'shop name', 'sr-Latn': 'naziv prodavnice', sr: 'назив продавнице', sl: 'ime trgovine', ru: 'название магазина' },
  'shop.url': { en: 'shop link', 'sr-Latn': 'link prodavnice', sr: 'линк продавнице', sl: 'povezava do trgovine', ru: 'ссылка на магазин' },
};

/** "Hi {{ customer.firstName }}!" as a card says it: "Hi «first name»!", never the raw tag. */
function mergeWords(text: string, language: string): string {
  return text.replace(/\{\{\s*([\w.-]+)[^}]*\}\}/g, (_, path: string) => {
    const word = FIELDS[path]?.[language] ?? (path.split('.').pop() ?? path).replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, (_m, a: string, b: string) => `${a} ${b.toLowerCase()}`);
    return `«${word}»`;
  });
}

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return [...line].length > 36 ? `${[...line].slice(0, 35).join('')}…` : line;
}

export function smsSummary(message: string, alphabet: 'keep' | 'latin', locale?: string): string {
  const sent = alphabet === 'latin' ? toGsm7Latin(message) : message;
  const { segments, encoding } = countSegments(sent);
  const language = languageOf(locale);
  const words = SEGMENT[language];
  const word = words[new Intl.PluralRules(language).select(segments)] ?? words.other;
  return `“${preview(mergeWords(sent, language))}” · ${segments} ${word}, ${encoding}`;
}
