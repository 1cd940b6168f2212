import { describe, expect, it } from 'vitest';
import { catalogueProblems } from './catalogue-check';
import { withSerbianLatin, type Catalogue } from './messages';

const written = {
  en: { hello: 'Hello, {name}', items: '{count, plural, one {# item} other {# items}}', more: 'See <link>more</link>' },
  'sr-Cyrl': { hello: 'Здраво, {name}', items: '{count, plural, one {# ставка} few {# ставке} other {# ставки}}', more: 'Видите <link>више</link>' },
  sl: { hello: 'Pozdravljeni, {name}', items: '{count, plural, one {# element} two {# elementa} few {# elementi} other {# elementov}}', more: 'Poglejte <link>več</link>' },
  ru: { hello: 'Здравствуйте, {name}', items: '{count, plural, one {# элемент} few {# элемента} many {# элементов} other {# элемента}}', more: 'Смотрите <link>ещё</link>' },
};
const good = withSerbianLatin(written);
const changed = (locale: keyof typeof good, change: Catalogue) => ({ ...good, [locale]: { ...good[locale], ...change } });

describe('catalogueProblems', () => {
  it('finds none in complete, well-formed catalogues', () => {
    expect(catalogueProblems(good)).toEqual([]);
  });

  it('names a missing or stray key and a missing locale', () => {
    const { hello: _, ...withoutHello } = good.sl;
    expect(catalogueProblems({ ...good, sl: { ...withoutHello, extra: 'x' } })).toEqual(['sl hello: missing', 'sl extra: not in the en catalogue']);
    const { ru: _ru, ...withoutRussian } = good;
    expect(catalogueProblems(withoutRussian, { name: 'messages/' })).toEqual(['messages/ru: no catalogue']);
  });

  it('names a message that is not ICU, or names other values or tags than the source', () => {
    expect(catalogueProblems(changed('ru', { hello: 'Здравствуйте, {name' }))).toEqual([expect.stringMatching(/^ru hello: not a valid ICU message/)]);
    expect(catalogueProblems(changed('ru', { hello: 'Здравствуйте, {nam}' }))).toEqual(['ru hello: names {nam}, the en message {name}']);
    expect(catalogueProblems(changed('sl', { more: 'Poglejte <a>več</a>' }))).toEqual(['sl more: names {<a>}, the en message {<link>}']);
  });

  it('names a plural without a form its language needs', () => {
    expect(catalogueProblems(changed('ru', { items: '{count, plural, one {# элемент} few {# элемента} other {# элемента}}' })))
      .toEqual(['ru items: a plural lacks the form(s) many']);
    expect(catalogueProblems(changed('sl', { items: '{count, plural, one {# element} other {# elementov}}' })))
      .toEqual(['sl items: a plural lacks the form(s) few, two']);
  });

  it('names Serbian Latin that is not the Cyrillic transliterated', () => {
    expect(catalogueProblems(changed('sr-Latn', { hello: 'Zdravo {name}' }))).toEqual(['sr-Latn hello: not the sr-Cyrl message transliterated']);
  });

  it('checks against another source locale where English has no catalogue', () => {
    const { en: _, ...others } = good;
    expect(catalogueProblems(others, { source: 'ru', locales: ['ru', 'sl'] })).toEqual([]);
    expect(catalogueProblems(others)).toEqual(['en: no catalogue']);
  });
});
