// zod's own messages (a required field missing, a number too small, a malformed address) in the
// user's language, the same in the browser's forms and in the API's answers. English stays zod's
// own wording, word for word; the other languages come from zod/<locale>.json, written for a
// shop's staff ("At least 3 characters") rather than in zod's type names ("expected string"),
// with each language's plural forms and number formats. Messages a schema writes itself win over
// these (zod's precedence). A subpath of its own (@afterglow/i18n/zod-messages): it brings zod.
import { z } from 'zod';
import { en } from 'zod/locales';
import type { Locale } from './locales';
import { messageFormatter, withSerbianLatin, type MessageValues } from './messages';
import ru from './zod/ru.json';
import sl from './zod/sl.json';
import srCyrl from './zod/sr-Cyrl.json';

type ZodKey = keyof typeof ru;
export const zodCatalogues = withSerbianLatin({ en: {}, 'sr-Cyrl': srCyrl, sl, ru });
const format = messageFormatter<ZodKey>(zodCatalogues);
const english = en().localeError;

type RawIssue = Parameters<typeof english>[0];
interface IssueFields {
  code?: string; input?: unknown; expected?: string; origin?: string; format?: string;
  minimum?: number | bigint | Date; maximum?: number | bigint | Date; inclusive?: boolean; exact?: boolean;
  values?: unknown[]; keys?: string[]; divisor?: number | bigint;
}

const SIZES: Record<string, 'text' | 'items'> = { string: 'text', array: 'items', set: 'items', file: 'text' };
const NUMBERS = new Set(['number', 'int', 'bigint']);
const DATE_FORMATS = new Set(['date', 'datetime', 'time', 'duration']);

const asNumber = (v: unknown) => (v instanceof Date ? v.getTime() : Number(v));

function bound(issue: IssueFields, side: 'min' | 'max'): [ZodKey, MessageValues] {
  const limit = asNumber(side === 'min' ? issue.minimum : issue.maximum);
  const size = SIZES[issue.origin ?? ''];
  if (size === 'text' && side === 'min' && limit === 1 && !issue.exact) return ['empty', {}];
  if (size) return [`${size}.${issue.exact ? 'exact' : side}`, { limit }];
  if (NUMBERS.has(issue.origin ?? '')) return [`number.${side}${issue.inclusive === false ? 'Exclusive' : ''}`, { limit }];
  return [side === 'min' ? 'tooSmall' : 'tooBig', {}];
}

/** The catalogue key and values for an issue zod raised itself. */
function keyOf(issue: IssueFields): [ZodKey, MessageValues] {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? ['required', {}] : ['type', { expected: issue.expected ?? '' }];
    case 'too_small':
      return bound(issue, 'min');
    case 'too_big':
      return bound(issue, 'max');
    case 'invalid_format':
      if (issue.format === 'email' || issue.format === 'url') return [issue.format, {}];
      return DATE_FORMATS.has(issue.format ?? '') ? [`format.${issue.format}` as ZodKey, {}] : ['format', {}];
    case 'invalid_value':
      return issue.values?.length === 1
        ? ['value.one', { value: String(issue.values[0]) }]
        : ['value.oneOf', { values: (issue.values ?? []).map(String).join(', ') }];
    case 'not_multiple_of':
      return ['multipleOf', { divisor: asNumber(issue.divisor) }];
    case 'unrecognized_keys':
      return ['unknownKeys', { keys: (issue.keys ?? []).join(', '), count: issue.keys?.length ?? 0 }];
    default:
      return ['invalid', {}];
  }
}

/** zod's message for an issue, in the locale (English: zod's own). */
export function zodMessage(issue: RawIssue, locale: Locale): string {
  if (locale === 'en') return String(english(issue) ?? 'Invalid input');
  const [key, values] = keyOf(issue as IssueFields);
  try {
    return format(locale, key, values);
  } catch {
    return String(english(issue) ?? 'Invalid input');
  }
}

/**
 * Makes zod write its messages in the language `localeNow` gives when an issue is raised: the
 * call in scope on the server, the app's language in the browser. zod keeps one global error map.
 */
export function speakZodIn(localeNow: () => Locale): void {
  z.config({ localeError: (issue) => zodMessage(issue, localeNow()) });
}
