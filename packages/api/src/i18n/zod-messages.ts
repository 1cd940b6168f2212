// zod's own messages (a required field missing, a number too small, a malformed address) in the
// language of the call being served. zod keeps one global error map; ours reads the locale from
// the call's scope (request-locale.ts), so concurrent users each get theirs. English stays zod's
// own wording, word for word; the other languages come from zod/<locale>.json, written for a
// shop's staff ("At least 3 characters") rather than zod's type names ("expected string").
// Messages a schema writes itself win over these (zod's precedence); schema-messages.ts
// translates those.
import type { Locale } from '@afterglow/i18n';
import { z } from 'zod';
import { byLocale, formatMessage, type MessageValues } from './catalogue';
import { currentLocale } from './request-locale';
import ru from './zod/ru.json';
import sl from './zod/sl.json';
import srCyrl from './zod/sr-Cyrl.json';

type ZodKey = keyof typeof ru;
const catalogues = byLocale({ en: {}, 'sr-Cyrl': srCyrl, sl, ru });
const english = z.locales.en().localeError;

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
    return formatMessage(catalogues[locale][key], locale, values);
  } catch {
    return String(english(issue) ?? 'Invalid input');
  }
}

/** Makes zod write its messages in the language of the call in scope (once, at start). */
export function speakZodInCallersLanguage(): void {
  z.config({ localeError: (issue) => zodMessage(issue, currentLocale()) });
}
