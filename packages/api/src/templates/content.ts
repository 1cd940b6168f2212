// A template's content as the editor sends it: the main text in the main language, and a
// variant per other language. One schema for save, preview and test send, so a refusal names
// the field the same way everywhere (`variants.ru.subject`); and one check that runs the
// template check over every language's text, naming the variant a problem is in.
import { TEMPLATE_LANGUAGES, type LocalisedTemplate, type TemplateLanguage, type TemplateText, type TemplateVariants } from '@afterglow/email';
import { z } from 'zod';

const text = {
  subject: z.string().max(200, 'Keep the subject under 200 characters'),
  preheader: z.string().max(200, 'Keep the preview text under 200 characters').default(''),
  body: z.string().min(1, 'Write the email body').max(200_000, 'The body is over 200,000 characters'),
};
const variant = z.object(text);

const contentShape = {
  ...text,
  // Both optional: a save that leaves them out (a client that predates languages) keeps the stored ones.
  language: z.enum(TEMPLATE_LANGUAGES, 'The main language is one of en, sr, sl, ru').optional(),
  variants: z.strictObject({ en: variant.optional(), sr: variant.optional(), sl: variant.optional(), ru: variant.optional() },
    'Variants are for en, sr, sl and ru only').optional(),
};
type ContentInput = z.output<z.ZodObject<typeof contentShape>>;

/** The content's fields and `more` (a procedure's own fields), refusing a variant of the main language. */
export function templateContent<T extends z.ZodRawShape>(more: T) {
  return z.object({ ...contentShape, ...more }).superRefine((content, ctx) => {
    const { language, variants } = content as unknown as ContentInput;
    if (language && variants?.[language]) {
      ctx.addIssue({ code: 'custom', path: ['variants', language], message: `${language} is the main language: its text is the main text, not a variant` });
    }
  });
}

/**
 * The stored shape: absent variants dropped, keys in one order (so equal content compares equal).
 * A language or variants left out are `kept`'s (the stored version's), else English and none.
 */
export function toLocalised(content: ContentInput, kept?: Pick<LocalisedTemplate, 'language' | 'variants'>): LocalisedTemplate {
  const given = content.variants ?? kept?.variants ?? {};
  const variants: TemplateVariants = {};
  for (const language of TEMPLATE_LANGUAGES) {
    const v = given[language];
    if (v) variants[language] = { subject: v.subject, preheader: v.preheader, body: v.body };
  }
  const language = content.language ?? kept?.language ?? 'en';
  return { subject: content.subject, preheader: content.preheader, body: content.body, language, variants };
}

export interface ContentIssue { field: string; message: string }

/** Every language's text: the main one first (fields `subject`, `body`), then the variants. */
export function eachText(template: LocalisedTemplate): { prefix: string; text: TemplateText; language: TemplateLanguage }[] {
  return [
    { prefix: '', text: template, language: template.language },
    ...TEMPLATE_LANGUAGES.flatMap((language) => {
      const v = template.variants[language];
      return v ? [{ prefix: `variants.${language}.`, text: v, language }] : [];
    }),
  ];
}

/** Runs `check` over each language's text; a variant's problems are named `variants.sr.body`. */
export async function checkLanguages(
  template: LocalisedTemplate, check: (content: { subject: string; body: string }) => Promise<{ field: string; message: string }[]>,
): Promise<ContentIssue[]> {
  const found = await Promise.all(eachText(template).map(async ({ prefix, text: t }) =>
    (await check({ subject: t.subject, body: t.body })).map((i) => ({ field: `${prefix}${i.field}`, message: i.message }))));
  return found.flat();
}

/** Same text in every language (the stored variants' key order notwithstanding). */
export function sameContent(a: LocalisedTemplate, b: LocalisedTemplate): boolean {
  const key = (t: LocalisedTemplate) => JSON.stringify(eachText(t).map(({ language, text: x }) => [language, x.subject, x.preheader, x.body]));
  return key(a) === key(b);
}
