// zod's own messages in Serbian: zod ships Russian and Slovenian but no Serbian. What a check
// given no message of its own says ("Највише 200 знакова"), in Cyrillic; the Latin map is this
// one transliterated (zodLocale.ts).
import type { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];
type Forms = [one: string, few: string, other: string];

const rules = new Intl.PluralRules('sr');
const numbers = new Intl.NumberFormat('sr-Cyrl');
const count = (n: number, [one, few, other]: Forms) => {
  const category = rules.select(n);
  return `${numbers.format(n)} ${category === 'one' ? one : category === 'few' ? few : other}`;
};

/** What a length counts, by the origin zod names. */
const SIZED: Record<string, Forms> = {
  string: ['знак', 'знака', 'знакова'],
  array: ['ставка', 'ставке', 'ставки'],
  set: ['ставка', 'ставке', 'ставки'],
  file: ['бајт', 'бајта', 'бајтова'],
};

const TYPES: Record<string, string> = {
  string: 'текст', number: 'број', int: 'цео број', bigint: 'цео број', boolean: 'да или не', array: 'листа',
  object: 'објекат', date: 'датум', nan: 'број',
};

const FORMATS: Record<string, string> = {
  email: 'имејл адреса', url: 'URL адреса', datetime: 'датум и време (ISO)', date: 'датум (ISO)', time: 'време (ISO)',
  duration: 'трајање (ISO)', uuid: 'UUID', guid: 'GUID', ipv4: 'IPv4 адреса', ipv6: 'IPv6 адреса', e164: 'број телефона (E.164)',
  base64: 'base64 текст', json_string: 'JSON текст', jwt: 'JWT',
};

function size(issue: Issue & { code: 'too_small' | 'too_big' }, limit: number, word: 'Најмање' | 'Највише'): string {
  const sized = SIZED[issue.origin ?? ''];
  if (sized) return `${word} ${count(limit, sized)}`;
  if (issue.inclusive === false) return `${word === 'Најмање' ? 'Веће' : 'Мање'} од ${numbers.format(limit)}`;
  return `${word} ${numbers.format(limit)}`;
}

export function serbian(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Обавезно поље' : `Очекује се ${TYPES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `Очекује се ${String(issue.values[0])}` : 'Изаберите једну од понуђених вредности';
    case 'too_small':
      return size(issue, Number(issue.minimum), 'Најмање');
    case 'too_big':
      return size(issue, Number(issue.maximum), 'Највише');
    case 'invalid_format':
      if (issue.format === 'starts_with') return `Мора да почиње са „${String(issue.prefix)}“`;
      if (issue.format === 'ends_with') return `Мора да се завршава са „${String(issue.suffix)}“`;
      if (issue.format === 'includes') return `Мора да садржи „${String(issue.includes)}“`;
      if (issue.format === 'regex') return 'Неисправан облик';
      return `Очекује се ${FORMATS[issue.format] ?? issue.format}`;
    case 'not_multiple_of':
      return `Мора бити дељиво са ${numbers.format(Number(issue.divisor))}`;
    case 'unrecognized_keys':
      return `${issue.keys.length > 1 ? 'Непознати кључеви' : 'Непознат кључ'}: ${issue.keys.join(', ')}`;
    case 'invalid_element':
      return 'Неисправна вредност';
    default:
      return 'Неисправан унос';
  }
}
