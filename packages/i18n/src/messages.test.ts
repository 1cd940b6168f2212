import { expect, it } from 'vitest';
import { messageFormatter, withSerbianLatin } from './messages';

const catalogues = withSerbianLatin({
  en: { items: '{count, plural, one {# item} other {# items}}' },
  'sr-Cyrl': { items: '{count, plural, one {# ставка} few {# ставке} other {# ставки}}' },
  sl: {},
  ru: { items: '{count, plural, one {# элемент} few {# элемента} many {# элементов} other {# элемента}}' },
});
const say = messageFormatter<'items'>(catalogues);

it('says a message in the locale\'s plural forms and numbers, Serbian Latin transliterated', () => {
  expect([say('en', 'items', { count: 1 }), say('ru', 'items', { count: 5 }), say('ru', 'items', { count: 10_000 })])
    .toEqual(['1 item', '5 элементов', '10\u00a0000 элементов']);
  expect([say('sr-Cyrl', 'items', { count: 3 }), say('sr-Latn', 'items', { count: 3 })]).toEqual(['3 ставке', '3 stavke']);
});

it('throws for a message the locale lacks or a value the message names but is not given', () => {
  expect(() => say('sl', 'items', { count: 1 })).toThrow('No message items in the sl catalogue');
  expect(() => say('en', 'items')).toThrow();
});
