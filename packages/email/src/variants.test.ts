import { describe, expect, it } from 'vitest';
import { inScript, scriptOf } from './serbian-script';
import { pickVariant, supportedLocale, type LocalisedTemplate } from './variants';

const body = (text: string) => `<mjml><mj-head><mj-style>.note { color: #333 }</mj-style></mj-head><mj-body><mj-section><mj-column>
<mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;

const template: LocalisedTemplate = {
  language: 'en', subject: 'Hello {{ customer.firstName }}', preheader: 'Thanks', body: body('Thank you!'),
  variants: {
    sr: { subject: 'Здраво {{ customer.firstName }}', preheader: 'Хвала', body: body('Хвала на поруџбини!') },
    sl: { subject: 'Pozdravljeni {{ customer.firstName }}', preheader: 'Hvala', body: body('Hvala za naročilo!') },
  },
};

describe('pickVariant', () => {
  it("takes the customer's language, Serbian in the customer's script", () => {
    expect(pickVariant(template, 'sl-SI', 'en')).toMatchObject({ locale: 'sl', subject: 'Pozdravljeni {{ customer.firstName }}' });
    expect(pickVariant(template, 'sr-Cyrl', 'en')).toMatchObject({ locale: 'sr-Cyrl', subject: 'Здраво {{ customer.firstName }}', preheader: 'Хвала' });
    const latin = pickVariant(template, 'sr-Latn', 'en');
    expect(latin).toMatchObject({ locale: 'sr-Latn', subject: 'Zdravo {{ customer.firstName }}', preheader: 'Hvala' });
    expect(latin.body).toContain('<mj-text>Hvala na porudžbini!</mj-text>');
    expect(pickVariant(template, 'sr-ME', 'en').locale).toBe('sr-Latn');
    expect(pickVariant(template, 'sr', 'en').locale).toBe('sr-Cyrl');
  });

  it("falls back to the shop's language, then to the main text", () => {
    expect(pickVariant(template, 'ru', 'sl')).toMatchObject({ locale: 'sl', preheader: 'Hvala' });
    expect(pickVariant(template, 'de-AT', 'sr-Latn')).toMatchObject({ locale: 'sr-Latn', preheader: 'Hvala' });
    expect(pickVariant(template, null, 'ru')).toMatchObject({ locale: 'en', subject: 'Hello {{ customer.firstName }}' });
    expect(pickVariant(template, 'en-GB', 'sl')).toMatchObject({ locale: 'en', preheader: 'Thanks' });
  });

  it('serves a Serbian main text as written when nothing else fits, and transliterates it for the other script', () => {
    const serbian: LocalisedTemplate = { language: 'sr', subject: 'Zdravo', preheader: '', body: body('Ljubav'), variants: {} };
    expect(pickVariant(serbian, 'ru', null)).toMatchObject({ locale: 'sr-Latn', subject: 'Zdravo' });
    expect(pickVariant(serbian, 'sr-Cyrl', null)).toMatchObject({ locale: 'sr-Cyrl', subject: 'Здраво' });
  });
});

describe('supportedLocale', () => {
  it('maps a tag onto the five, or null for a language Afterglow does not speak', () => {
    expect(supportedLocale('ru-RU')).toBe('ru');
    expect(supportedLocale('en-US')).toBe('en');
    expect(supportedLocale('de')).toBeNull();
    expect(supportedLocale('not a tag')).toBeNull();
    expect(supportedLocale(null)).toBeNull();
  });
});

describe('Serbian scripts in a template', () => {
  it('transliterates the text only: never Liquid, tags, attributes, URLs, styles or character references', () => {
    const source = `<mjml><mj-head><mj-style>.button { color: red }</mj-style></mj-head><mj-body>
<mj-button href="https://shop.example/nalog?ref=email" css-class="button">Pogledaj nalog</mj-button>
<mj-text>Zdravo {{ customer.firstName | upcase }},&nbsp;{% if order %}tvoja porudžbina{% endif %} <!-- napomena --></mj-text>
</mj-body></mjml>`;
    expect(inScript(source, 'Cyrl')).toBe(`<mjml><mj-head><mj-style>.button { color: red }</mj-style></mj-head><mj-body>
<mj-button href="https://shop.example/nalog?ref=email" css-class="button">Погледај налог</mj-button>
<mj-text>Здраво {{ customer.firstName | upcase }},&nbsp;{% if order %}твоја поруџбина{% endif %} <!-- napomena --></mj-text>
</mj-body></mjml>`);
  });

  it('tells the script by the letters a reader reads', () => {
    expect(scriptOf(body('Хвала, Nike!'))).toBe('Cyrl');
    expect(scriptOf(body('Hvala {{ customer.firstName }}'))).toBe('Latn');
  });
});
