import { STARTER_TEMPLATES, type StarterTemplate } from '@afterglow/email';
import { describe, expect, it } from 'vitest';
import { sameContent, toLocalised } from './content';
import { starterContent } from './repository';

describe('a starter as a template', () => {
  it('keeps its translations as variants, English as the main text', () => {
    const sr = { subject: 'Здраво', preheader: 'Хвала', body: '<mjml><mj-body></mj-body></mjml>' };
    const translated = { ...STARTER_TEMPLATES[0], variants: { sr } } as StarterTemplate;
    expect(starterContent(translated)).toMatchObject({ language: 'en', subject: STARTER_TEMPLATES[0].subject, variants: { sr } });
  });

  it('has no variants when the starter has no translations', () => {
    const { variants: _, ...plain } = STARTER_TEMPLATES[0] as StarterTemplate & { variants?: unknown };
    expect(starterContent(plain as StarterTemplate).variants).toEqual({});
  });
});

describe('content', () => {
  it('compares languages whatever the order of the variants', () => {
    const text = (s: string) => ({ subject: s, preheader: '', body: s });
    const a = toLocalised({ ...text('en'), language: 'en', variants: { sr: text('sr'), ru: text('ru') } });
    const b = toLocalised({ ...text('en'), language: 'en', variants: { ru: text('ru'), sr: text('sr') } });
    expect(sameContent(a, b)).toBe(true);
    expect(sameContent(a, { ...b, variants: { sr: text('sr') } })).toBe(false);
    expect(sameContent(a, { ...b, language: 'sl' })).toBe(false);
  });
});
