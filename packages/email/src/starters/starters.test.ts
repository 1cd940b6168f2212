// The starters in every language: each variant is valid MJML with known merge fields, says what
// the English says with exactly its merge fields, and has no English left in it; the Serbian and
// Russian ones are Cyrillic throughout.
import { describe, expect, it } from 'vitest';
import { checkEmailTemplate, checkSubject } from '../check';
import { sampleMergeData } from '../merge-data';
import { compileMjml } from '../mjml';
import { renderEmail } from '../render';
import { STARTER_TEMPLATES } from './index';
import { en } from './texts/en';
import type { StarterLocale, StarterVariant } from './types';

const LOCALES: StarterLocale[] = ['sr', 'sl', 'ru'];
const FIELDS = ['subject', 'preheader', 'body'] as const;
const variants = STARTER_TEMPLATES.flatMap((s) => LOCALES.map((locale) => ({ key: s.key, locale, en: s as StarterVariant, variant: s.variants[locale] })));

/** Every Liquid tag and output, spaces normalised: what a translation must keep, in any order. */
const liquidOf = (source: string) => [...new Set([...source.matchAll(/{{.*?}}|{%.*?%}/gs)].map((m) => m[0].replace(/\s+/g, ' ')))].sort();

/** The words a reader sees in the source: no Liquid, no markup, no entities. */
const wordsOf = (source: string) => new Set(
  source.replace(/{{.*?}}|{%.*?%}/gs, ' ').replace(/<[^>]*>/g, ' ').replace(/&\w+;/g, ' ').toLowerCase().match(/\p{L}+/gu) ?? [],
);

/** Names that stay as they are in every language. */
const BRANDS = new Set(['instagram', 'facebook', 'youtube']);
/** Slovenian words that are spelled like English ones ("in" is "and", "to" is "this"). */
const SAME_SPELLING: Record<StarterLocale, Set<string>> = { sr: new Set(), sl: new Set(['in', 'to']), ru: new Set() };

describe('the starters in Serbian, Slovenian and Russian', () => {
  it('has all nine in every language', () => {
    expect(variants).toHaveLength(27);
    for (const { key, locale, variant } of variants) expect([key, locale, FIELDS.every((f) => variant[f].length > 0)]).toEqual([key, locale, true]);
  });

  it('compiles every variant through MJML without a problem, with only known merge fields', async () => {
    for (const { key, locale, variant } of variants) {
      expect([key, locale, (await compileMjml(variant.body)).problems]).toEqual([key, locale, []]);
      expect([key, locale, await checkEmailTemplate(variant), await checkSubject(variant.preheader)]).toEqual([key, locale, [], []]);
    }
  });

  it('renders every variant with the sample data, in its language', async () => {
    for (const { key, locale, variant } of variants) {
      const email = await renderEmail(variant, sampleMergeData());
      expect([key, locale, email.html]).toEqual([key, locale, expect.stringContaining(`<html lang="${locale}"`)]);
      expect([key, locale, email.subject]).toEqual([key, locale, expect.stringContaining('Ada')]);
      expect([key, locale, email.text]).toEqual([key, locale, expect.not.stringMatching(/undefined|\[object/)]);
    }
  });

  it('keeps exactly the English merge fields and tags in the subject, preheader and body', () => {
    for (const { key, locale, en: english, variant } of variants) {
      for (const field of FIELDS) expect([key, locale, field, liquidOf(variant[field])]).toEqual([key, locale, field, liquidOf(english[field])]);
    }
  });

  it('leaves no English words behind, the layout’s included', () => {
    for (const { key, locale, en: english, variant } of variants) {
      const englishWords = wordsOf(FIELDS.map((f) => english[f]).join('\n'));
      const leftovers = FIELDS.flatMap((f) => [...wordsOf(variant[f])])
        .filter((w) => englishWords.has(w) && !BRANDS.has(w) && !SAME_SPELLING[locale].has(w));
      expect([key, locale, [...new Set(leftovers)]]).toEqual([key, locale, []]);
      expect(variant.body).not.toContain(en.layout.footer);
    }
  });

  it('writes Serbian and Russian in Cyrillic only, but for brand names', () => {
    for (const { key, locale, variant } of variants.filter((v) => v.locale !== 'sl')) {
      const latin = FIELDS.flatMap((f) => [...wordsOf(variant[f])]).filter((w) => /[a-z]/.test(w) && !BRANDS.has(w));
      expect([key, locale, latin]).toEqual([key, locale, []]);
    }
  });
});

it('sends what a customer needs about an order as transactional, and everything that sells as marketing', () => {
  // Transactional mail goes to every customer who ordered (consent or not) and carries no unsubscribe link.
  expect(Object.fromEntries(STARTER_TEMPLATES.map((s) => [s.key, s.kind]))).toEqual({
    'order-confirmation': 'transactional', 'shipping-notice': 'transactional', 'review-request': 'marketing',
    'replenishment-reminder': 'marketing', 'birthday-greeting': 'marketing', 'cross-sell': 'marketing', 'win-back': 'marketing',
    'satisfaction-survey': 'marketing', 'points-balance': 'marketing',
  });
});
