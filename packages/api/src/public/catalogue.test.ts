// The recipients' pages leave no text behind: every locale has English's keys, no more, no less;
// every message parses as ICU with English's placeholders and tags, and each plural has the forms
// its language needs (@afterglow/i18n's checks); every email topic has its texts. And the HTML a
// message becomes escapes what it carries.
import { EMAIL_TOPICS } from '@afterglow/email';
import { LOCALES } from '@afterglow/i18n';
import { catalogueProblems } from '@afterglow/i18n/catalogue-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, html, text, type MessageKey } from './catalogue';

it('has every locale\'s texts complete and well-formed, Serbian Latin the Cyrillic transliterated', () => {
  expect(catalogueProblems(CATALOGUES, { name: 'public/messages/' })).toEqual([]);
});

describe.each(LOCALES)('the %s catalogue', (locale) => {
  it('names every email topic of the preference page', () => {
    for (const topic of EMAIL_TOPICS) {
      expect(text(locale, `topic.${topic.id}` as MessageKey), topic.id).toBeTruthy();
      expect(text(locale, `topic.${topic.id}.help` as MessageKey), topic.id).toBeTruthy();
    }
  });
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
