// The recipients' pages leave no text behind: every locale has English's keys, no more, no less;
// every message parses as ICU with English's placeholders and tags, and each plural has the forms
// its language needs; Serbian Latin is the Cyrillic transliterated; every email topic has its
// texts. And the HTML a message becomes escapes what it carries.
import { EMAIL_TOPICS } from '@afterglow/email';
import { LOCALES, toLatin, type Locale } from '@afterglow/i18n';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, html, text, type MessageKey } from './catalogue';

// The AST of intl-messageformat: arguments (types 1..6) and tags (8) have a name in `value`;
// select (5) and plural (6) have options, tags children, each a nested message.
interface Element { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] }
const PLURAL = 6;
const TAG = 8;

function shape(ast: Element[], found = { names: new Set<string>(), plurals: [] as string[][] }) {
  for (const el of ast) {
    if (((el.type >= 1 && el.type <= 6) || el.type === TAG) && typeof el.value === 'string') found.names.add(`${el.type === TAG ? '<>' : ''}${el.value}`);
    if (el.type === PLURAL && el.options) found.plurals.push(Object.keys(el.options));
    for (const option of Object.values(el.options ?? {})) shape(option.value, found);
    shape(el.children ?? [], found);
  }
  return found;
}

const parse = (locale: Locale, key: string) => {
  try {
    return shape(new IntlMessageFormat(CATALOGUES[locale][key as MessageKey], locale).getAst() as Element[]);
  } catch (error) {
    throw new Error(`${locale} ${key}: not a valid ICU message: ${(error as Error).message}`, { cause: error });
  }
};

describe.each(LOCALES)('the %s catalogue', (locale) => {
  it('has exactly English\'s keys', () => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(Object.keys(CATALOGUES.en).sort());
  });

  it('holds ICU messages with English\'s placeholders and tags, and every plural form the language needs', () => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of Object.keys(CATALOGUES[locale])) {
      const { names, plurals } = parse(locale, key);
      expect([...names].sort(), `${locale} ${key}`).toEqual([...parse('en', key).names].sort());
      for (const forms of plurals) expect(forms, `${locale} ${key}`).toEqual(expect.arrayContaining(needed.filter((c) => c !== 'zero')));
    }
  });

  it('names every email topic of the preference page', () => {
    for (const topic of EMAIL_TOPICS) {
      expect(text(locale, `topic.${topic.id}` as MessageKey), topic.id).toBeTruthy();
      expect(text(locale, `topic.${topic.id}.help` as MessageKey), topic.id).toBeTruthy();
    }
  });
});

it('has Serbian Latin exactly as the transliteration of Serbian Cyrillic (one Serbian text, two scripts)', () => {
  const latin = Object.fromEntries(Object.entries(CATALOGUES['sr-Cyrl']).map(([key, message]) => [key, toLatin(message)]));
  expect(CATALOGUES['sr-Latn']).toEqual(latin);
});

it('says in English what the email package calls each topic (one name, in the app and on the page)', () => {
  for (const topic of EMAIL_TOPICS) expect(text('en', `topic.${topic.id}` as MessageKey)).toBe(topic.label);
});

describe('html', () => {
  it('escapes the values and makes <link> the one anchor, to the given address', () => {
    expect(html('en', 'preferences.for', { address: '<b>x</b>@"a".example' })).toBe(
      'For &lt;b&gt;x&lt;/b&gt;@&quot;a&quot;.example. Emails about your orders always arrive.');
    expect(html('ru', 'unsubscribed.mistake', {}, '/p/abc?lang=ru&x="y"')).toBe(
      'Отписались по ошибке? <a href="/p/abc?lang=ru&amp;x=&quot;y&quot;">Настройте подписку</a>.');
    // The markers it uses inside cannot be smuggled in through a value.
    expect(html('en', 'unsubscribed.already', { address: '\ue000a@b.example\ue001' })).toBe('a@b.example gets no marketing email from us.');
  });

  it('says "your address" in the reader\'s language when there is none', () => {
    expect(html('sr-Cyrl', 'unsubscribed.already', { address: 'none' })).toBe('На вашу адресу не шаљемо маркетиншке имејлове.');
    expect(html('sl', 'unsubscribe.text', { address: 'a•••@example.si' })).toContain('na naslov a•••@example.si');
  });
});
